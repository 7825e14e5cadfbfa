-- CreateTable
CREATE TABLE "RankingCriterionTotals" (
    "roundId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "values" INTEGER NOT NULL DEFAULT 0,
    "valueSum" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "valueSquares" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "within" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "RankingCriterionTotals_pkey" PRIMARY KEY ("roundId","criterionId")
);

-- AddForeignKey
ALTER TABLE "RankingCriterionTotals" ADD CONSTRAINT "RankingCriterionTotals_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A unit's part of Krippendorff's observed disagreement (rule 8), m^2 var / (m - 1) = (m q - s^2) / (m - 1)
-- from its count, sum and sum of squares, rounded to 30 decimals: the same number whenever it is computed.
CREATE FUNCTION "ranking_within"("m" int, "s" numeric, "q" numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT round(("m" * "q" - "s" * "s") / ("m" - 1), 30) $$;

-- An application's sums for one criterion, as the totals count them.
CREATE TYPE "ranking_unit" AS ("roundId" uuid, "criterionId" uuid, "submitted" int, "valueSum" numeric, "valueSquares" numeric);

-- Adds (direction 1) or takes away (-1) units (applications with at least 2 values) in the per round and
-- criterion totals (rounds being deleted left alone).
CREATE FUNCTION "ranking_apply_criterion_totals"("direction" int, "units" "ranking_unit"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality("units"), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "RankingCriterionTotals" AS t ("roundId", "criterionId", "units", "values", "valueSum", "valueSquares", "within")
  SELECT u."roundId", u."criterionId", "direction" * count(*), "direction" * sum(u."submitted"), "direction" * sum(u."valueSum"),
         "direction" * sum(u."valueSquares"), "direction" * sum("ranking_within"(u."submitted", u."valueSum", u."valueSquares"))
  FROM unnest("units") u
  WHERE u."submitted" >= 2 AND EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = u."roundId")
  GROUP BY u."roundId", u."criterionId"
  ORDER BY u."roundId", u."criterionId"
  ON CONFLICT ("roundId", "criterionId") DO UPDATE SET
    "units" = t."units" + excluded."units",
    "values" = t."values" + excluded."values",
    "valueSum" = t."valueSum" + excluded."valueSum",
    "valueSquares" = t."valueSquares" + excluded."valueSquares",
    "within" = t."within" + excluded."within";
END $$;

-- The per-criterion sums changed (statement triggers with their transition tables): old rows are taken
-- away, new rows added (an update does both).
CREATE FUNCTION "ranking_criterion_totals_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ranking_apply_criterion_totals"(-1, array(
      SELECT ROW(o."roundId", o."criterionId", o."submitted", o."valueSum", o."valueSquares")::"ranking_unit" FROM old_rows o WHERE o."submitted" >= 2));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ranking_apply_criterion_totals"(1, array(
      SELECT ROW(n."roundId", n."criterionId", n."submitted", n."valueSum", n."valueSquares")::"ranking_unit" FROM new_rows n WHERE n."submitted" >= 2));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ranking_criterion_totals_insert" AFTER INSERT ON "RankingCriterionSums"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_changed"();
CREATE TRIGGER "ranking_criterion_totals_update" AFTER UPDATE ON "RankingCriterionSums"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_changed"();
CREATE TRIGGER "ranking_criterion_totals_delete" AFTER DELETE ON "RankingCriterionSums"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_changed"();

-- The totals of the sums already kept.
INSERT INTO "RankingCriterionTotals" ("roundId", "criterionId", "units", "values", "valueSum", "valueSquares", "within")
SELECT "roundId", "criterionId", count(*), sum("submitted"), sum("valueSum"), sum("valueSquares"), sum("ranking_within"("submitted", "valueSum", "valueSquares"))
FROM "RankingCriterionSums" WHERE "submitted" >= 2
GROUP BY "roundId", "criterionId";
