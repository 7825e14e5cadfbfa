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

-- Adds to the per round and criterion totals the units (applications with at least 2 values) of the rows
-- given with sign 1 and takes away those given with sign -1 (rounds being deleted left alone).
CREATE FUNCTION "ranking_apply_criterion_totals"("deltas" jsonb) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "RankingCriterionTotals" AS t ("roundId", "criterionId", "units", "values", "valueSum", "valueSquares", "within")
  SELECT d."roundId", d."criterionId", sum(d."sign"), sum(d."sign" * d."submitted"), sum(d."sign" * d."valueSum"),
         sum(d."sign" * d."valueSquares"), sum(d."sign" * "ranking_within"(d."submitted", d."valueSum", d."valueSquares"))
  FROM jsonb_to_recordset("deltas") AS d("sign" int, "roundId" uuid, "criterionId" uuid, "submitted" int, "valueSum" numeric, "valueSquares" numeric)
  WHERE d."submitted" >= 2 AND EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = d."roundId")
  GROUP BY d."roundId", d."criterionId"
  ORDER BY d."roundId", d."criterionId"
  ON CONFLICT ("roundId", "criterionId") DO UPDATE SET
    "units" = t."units" + excluded."units",
    "values" = t."values" + excluded."values",
    "valueSum" = t."valueSum" + excluded."valueSum",
    "valueSquares" = t."valueSquares" + excluded."valueSquares",
    "within" = t."within" + excluded."within"
$$;

-- Statement triggers on the per-criterion sums, with their transition tables: new rows count, old rows are
-- taken away (an update does both).
CREATE FUNCTION "ranking_criterion_totals_added"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_apply_criterion_totals"((SELECT coalesce(jsonb_agg(jsonb_build_object('sign', 1, 'roundId', n."roundId", 'criterionId', n."criterionId",
    'submitted', n."submitted", 'valueSum', n."valueSum", 'valueSquares', n."valueSquares")), '[]') FROM new_rows n WHERE n."submitted" >= 2));
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_criterion_totals_removed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_apply_criterion_totals"((SELECT coalesce(jsonb_agg(jsonb_build_object('sign', -1, 'roundId', o."roundId", 'criterionId', o."criterionId",
    'submitted', o."submitted", 'valueSum', o."valueSum", 'valueSquares', o."valueSquares")), '[]') FROM old_rows o WHERE o."submitted" >= 2));
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_criterion_totals_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_apply_criterion_totals"((SELECT coalesce(jsonb_agg(x.d), '[]') FROM (
    SELECT jsonb_build_object('sign', 1, 'roundId', n."roundId", 'criterionId', n."criterionId", 'submitted', n."submitted",
                              'valueSum', n."valueSum", 'valueSquares', n."valueSquares") AS d FROM new_rows n WHERE n."submitted" >= 2
    UNION ALL
    SELECT jsonb_build_object('sign', -1, 'roundId', o."roundId", 'criterionId', o."criterionId", 'submitted', o."submitted",
                              'valueSum', o."valueSum", 'valueSquares', o."valueSquares") FROM old_rows o WHERE o."submitted" >= 2) x));
  RETURN NULL;
END $$;

CREATE TRIGGER "ranking_criterion_totals_insert" AFTER INSERT ON "RankingCriterionSums"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_added"();
CREATE TRIGGER "ranking_criterion_totals_update" AFTER UPDATE ON "RankingCriterionSums"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_changed"();
CREATE TRIGGER "ranking_criterion_totals_delete" AFTER DELETE ON "RankingCriterionSums"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criterion_totals_removed"();

-- The totals of the sums already kept.
INSERT INTO "RankingCriterionTotals" ("roundId", "criterionId", "units", "values", "valueSum", "valueSquares", "within")
SELECT "roundId", "criterionId", count(*), sum("submitted"), sum("valueSum"), sum("valueSquares"), sum("ranking_within"("submitted", "valueSum", "valueSquares"))
FROM "RankingCriterionSums" WHERE "submitted" >= 2
GROUP BY "roundId", "criterionId";
