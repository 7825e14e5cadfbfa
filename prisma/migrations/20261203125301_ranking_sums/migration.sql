-- CreateTable
CREATE TABLE "RankingApplicationSums" (
    "roundId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "scoreSquares" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "drafts" INTEGER NOT NULL DEFAULT 0,
    "assigned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RankingApplicationSums_pkey" PRIMARY KEY ("roundId","applicationId")
);

-- CreateTable
CREATE TABLE "RankingJurorSums" (
    "roundId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "scoreSquares" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "RankingJurorSums_pkey" PRIMARY KEY ("roundId","jurorId")
);

-- CreateTable
CREATE TABLE "RankingCriterionSums" (
    "roundId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "valueSum" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "valueSquares" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "RankingCriterionSums_pkey" PRIMARY KEY ("roundId","applicationId","criterionId")
);

-- CreateTable
CREATE TABLE "RankingScorecard" (
    "scorecardId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RankingScorecard_pkey" PRIMARY KEY ("scorecardId")
);

-- CreateTable
CREATE TABLE "RankingStamp" (
    "callId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "RankingStamp_pkey" PRIMARY KEY ("callId")
);

-- CreateIndex
CREATE INDEX "RankingScorecard_roundId_jurorId_applicationId_score_idx" ON "RankingScorecard"("roundId", "jurorId", "applicationId", "score");

-- AddForeignKey
ALTER TABLE "RankingApplicationSums" ADD CONSTRAINT "RankingApplicationSums_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingJurorSums" ADD CONSTRAINT "RankingJurorSums_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingCriterionSums" ADD CONSTRAINT "RankingCriterionSums_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingScorecard" ADD CONSTRAINT "RankingScorecard_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingScorecard" ADD CONSTRAINT "RankingScorecard_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingStamp" ADD CONSTRAINT "RankingStamp_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- Hand-written: the triggers that keep the ranking aggregates above exact in the transaction of every
-- change, whoever makes it (the API's submit, reopen, conflict removal and criteria reset, the demo data,
-- set-based imports), and bump the call's RankingStamp for every change a ranking shows.
--
-- A scorecard counts (DESIGN.md rule 1: only SUBMITTED ones) with its weighted score S in the sums per
-- application and per juror and in RankingScorecard, and with each of its values in the sums per
-- application and criterion; a DRAFT counts only as a draft. Every change is applied as "take the old
-- state away, add the new one". Sums are decimals: a float enters at 15 significant digits and a square
-- rounded to 30 decimals, so that taking away exactly undoes adding.
--
-- Lock order: every trigger bumps (and so locks) the call's RankingStamp row before it writes any sums row,
-- and the API's submit, reopen and criteria reset lock that row first (lockRankingStamp): writers of one
-- call queue on its stamp and never hold sums another writer needs while waiting for the stamp.
--
-- Deletions are counted out BEFORE the row goes (an assignment's or a scorecard's values are still
-- there then); a scorecard deleted with its assignment finds no assignment and leaves the counting to
-- the assignment's trigger, and values deleted with their scorecard likewise. Sums of a round being
-- deleted are not touched (its rows go by ON DELETE CASCADE).
-- =============================================================================================

-- What a ranking reads, derived from the exact sums when they are written (floats, so that a read does
-- no decimal arithmetic): mean, population variance and its square root, the sample standard deviation,
-- and m^2 var / (m - 1) = (m q - s^2) / (m - 1), a unit's part of Krippendorff's observed disagreement.
ALTER TABLE "RankingApplicationSums"
  ADD COLUMN "mean" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN ("scoreSum" / "submitted")::float8 END) STORED,
  ADD COLUMN "variance" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN (("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted"::numeric * "submitted"))::float8 END) STORED,
  ADD COLUMN "spread" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN sqrt((("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted"::numeric * "submitted"))::float8) END) STORED,
  ADD COLUMN "sampleStd" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 1 THEN sqrt((("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted"::numeric * ("submitted" - 1)))::float8) END) STORED,
  ADD COLUMN "within" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 1 THEN (("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted" - 1))::float8 END) STORED;
ALTER TABLE "RankingJurorSums"
  ADD COLUMN "mean" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN ("scoreSum" / "submitted")::float8 END) STORED,
  ADD COLUMN "sigma" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN sqrt((("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted"::numeric * "submitted"))::float8) END) STORED;
ALTER TABLE "RankingCriterionSums"
  ADD COLUMN "mean" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN ("valueSum" / "submitted")::float8 END) STORED,
  ADD COLUMN "variance" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 0 THEN (("submitted" * "valueSquares" - "valueSum" * "valueSum") / ("submitted"::numeric * "submitted"))::float8 END) STORED,
  ADD COLUMN "within" float8 GENERATED ALWAYS AS (CASE WHEN "submitted" > 1 THEN (("submitted" * "valueSquares" - "valueSum" * "valueSum") / ("submitted" - 1))::float8 END) STORED;

CREATE TYPE "ranking_card" AS ("scorecardId" uuid, "roundId" uuid, "applicationId" uuid, "jurorId" uuid, "status" text, "score" float8);
CREATE TYPE "ranking_value" AS ("roundId" uuid, "applicationId" uuid, "criterionId" uuid, "value" float8);

CREATE FUNCTION "ranking_exact"("x" float8) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT round("x"::numeric, 30) $$;

CREATE FUNCTION "ranking_square"("x" float8) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT round("x"::numeric * "x"::numeric, 30) $$;

-- The rankings of every round of these calls may have changed: bump their stamps (once per transaction
-- and call; rows locked in id order).
CREATE FUNCTION "ranking_touch_calls"("calls" uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  seen text := coalesce(current_setting('tahkim.ranking_touched', true), '');
  todo uuid[];
BEGIN
  SELECT array_agg(DISTINCT c ORDER BY c) INTO todo FROM unnest("calls") c WHERE c IS NOT NULL AND position(c::text IN seen) = 0;
  IF todo IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "RankingStamp" AS t ("callId", "version")
  SELECT k."id", 1 FROM "Call" k WHERE k."id" = ANY (todo) ORDER BY k."id"
  ON CONFLICT ("callId") DO UPDATE SET "version" = t."version" + 1;
  PERFORM set_config('tahkim.ranking_touched', seen || ' ' || array_to_string(todo, ' '), true);
END $$;

-- A round's ranking shows the next round's progress and which applications went on, so a change in a
-- round is a change for the whole call.
CREATE FUNCTION "ranking_touch_rounds"("rounds" uuid[]) RETURNS void
LANGUAGE sql AS $$
  SELECT "ranking_touch_calls"(array(SELECT DISTINCT r."callId" FROM "Round" r WHERE r."id" = ANY ("rounds")))
$$;

-- The current values of these scorecards (only the SUBMITTED ones count).
CREATE FUNCTION "ranking_card_values"("cards" "ranking_card"[]) RETURNS "ranking_value"[]
LANGUAGE sql STABLE AS $$
  SELECT array_agg(ROW(c."roundId", c."applicationId", v."criterionId", v."value")::"ranking_value")
  FROM unnest("cards") c JOIN "ScoreValue" v ON v."scorecardId" = c."scorecardId"
  WHERE c."status" = 'SUBMITTED'
$$;

-- Adds (direction 1) or takes away (-1) score values in the per-criterion sums.
CREATE FUNCTION "ranking_apply_values"("direction" int, "vals" "ranking_value"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality("vals"), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "RankingCriterionSums" AS t ("roundId", "applicationId", "criterionId", "submitted", "valueSum", "valueSquares")
  SELECT v."roundId", v."applicationId", v."criterionId", "direction" * count(*),
         "direction" * sum("ranking_exact"(v."value")), "direction" * sum("ranking_square"(v."value"))
  FROM unnest("vals") v
  WHERE EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = v."roundId")
  GROUP BY v."roundId", v."applicationId", v."criterionId"
  ORDER BY v."roundId", v."applicationId", v."criterionId"
  ON CONFLICT ("roundId", "applicationId", "criterionId") DO UPDATE SET
    "submitted" = t."submitted" + excluded."submitted",
    "valueSum" = t."valueSum" + excluded."valueSum",
    "valueSquares" = t."valueSquares" + excluded."valueSquares";
END $$;

-- Adds (1) or takes away (-1) whole scorecards as given (status and S), with their current values.
CREATE FUNCTION "ranking_apply_cards"("direction" int, "cards" "ranking_card"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality("cards"), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "RankingApplicationSums" AS t ("roundId", "applicationId", "submitted", "scoreSum", "scoreSquares", "drafts")
  SELECT c."roundId", c."applicationId",
         "direction" * count(*) FILTER (WHERE c."status" = 'SUBMITTED'),
         "direction" * coalesce(sum("ranking_exact"(c."score")) FILTER (WHERE c."status" = 'SUBMITTED'), 0),
         "direction" * coalesce(sum("ranking_square"(c."score")) FILTER (WHERE c."status" = 'SUBMITTED'), 0),
         "direction" * count(*) FILTER (WHERE c."status" = 'DRAFT')
  FROM unnest("cards") c
  WHERE EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = c."roundId")
  GROUP BY c."roundId", c."applicationId"
  ORDER BY c."roundId", c."applicationId"
  ON CONFLICT ("roundId", "applicationId") DO UPDATE SET
    "submitted" = t."submitted" + excluded."submitted",
    "scoreSum" = t."scoreSum" + excluded."scoreSum",
    "scoreSquares" = t."scoreSquares" + excluded."scoreSquares",
    "drafts" = t."drafts" + excluded."drafts";

  INSERT INTO "RankingJurorSums" AS t ("roundId", "jurorId", "submitted", "scoreSum", "scoreSquares")
  SELECT c."roundId", c."jurorId", "direction" * count(*),
         "direction" * sum("ranking_exact"(c."score")), "direction" * sum("ranking_square"(c."score"))
  FROM unnest("cards") c
  WHERE c."status" = 'SUBMITTED' AND EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = c."roundId")
  GROUP BY c."roundId", c."jurorId"
  ORDER BY c."roundId", c."jurorId"
  ON CONFLICT ("roundId", "jurorId") DO UPDATE SET
    "submitted" = t."submitted" + excluded."submitted",
    "scoreSum" = t."scoreSum" + excluded."scoreSum",
    "scoreSquares" = t."scoreSquares" + excluded."scoreSquares";

  IF "direction" > 0 THEN
    INSERT INTO "RankingScorecard" AS t ("scorecardId", "roundId", "jurorId", "applicationId", "score")
    SELECT c."scorecardId", c."roundId", c."jurorId", c."applicationId", c."score"
    FROM unnest("cards") c
    WHERE c."status" = 'SUBMITTED' AND EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = c."roundId")
    ON CONFLICT ("scorecardId") DO UPDATE SET
      "roundId" = excluded."roundId", "jurorId" = excluded."jurorId", "applicationId" = excluded."applicationId", "score" = excluded."score";
  ELSE
    DELETE FROM "RankingScorecard" r USING unnest("cards") c WHERE r."scorecardId" = c."scorecardId" AND c."status" = 'SUBMITTED';
  END IF;

  PERFORM "ranking_apply_values"("direction", "ranking_card_values"("cards"));
END $$;

-- Scorecards ---------------------------------------------------------------------------------------------

CREATE FUNCTION "ranking_scorecards_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cards "ranking_card"[];
BEGIN
  SELECT array_agg(ROW(n."id", a."roundId", a."applicationId", a."jurorId", n."status"::text, n."weightedScore")::"ranking_card")
  INTO cards
  FROM new_rows n JOIN "Assignment" a ON a."id" = n."assignmentId";
  -- The call's stamp before any sums row: every writer takes them in this order (no deadlock).
  PERFORM "ranking_touch_rounds"(array(SELECT DISTINCT c."roundId" FROM unnest(cards) c));
  PERFORM "ranking_apply_cards"(1, cards);
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_scorecards_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_cards "ranking_card"[];
  new_cards "ranking_card"[];
BEGIN
  -- A draft saved again changes nothing a ranking shows.
  SELECT array_agg(ROW(o."id", a."roundId", a."applicationId", a."jurorId", o."status"::text, o."weightedScore")::"ranking_card")
  INTO old_cards
  FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "Assignment" a ON a."id" = o."assignmentId"
  WHERE (o."status", o."weightedScore", o."assignmentId") IS DISTINCT FROM (n."status", n."weightedScore", n."assignmentId");
  SELECT array_agg(ROW(n."id", a."roundId", a."applicationId", a."jurorId", n."status"::text, n."weightedScore")::"ranking_card")
  INTO new_cards
  FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "Assignment" a ON a."id" = n."assignmentId"
  WHERE (o."status", o."weightedScore", o."assignmentId") IS DISTINCT FROM (n."status", n."weightedScore", n."assignmentId");
  IF old_cards IS NULL AND new_cards IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "ranking_touch_rounds"(array(SELECT c."roundId" FROM unnest(old_cards) c UNION SELECT c."roundId" FROM unnest(new_cards) c));
  PERFORM "ranking_apply_cards"(-1, old_cards);
  PERFORM "ranking_apply_cards"(1, new_cards);
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_scorecard_deleting"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cards "ranking_card"[];
BEGIN
  SELECT array_agg(ROW(OLD."id", a."roundId", a."applicationId", a."jurorId", OLD."status"::text, OLD."weightedScore")::"ranking_card")
  INTO cards
  FROM "Assignment" a WHERE a."id" = OLD."assignmentId";
  IF cards IS NOT NULL THEN
    PERFORM "ranking_touch_rounds"(ARRAY[(cards[1])."roundId"]);
    PERFORM "ranking_apply_cards"(-1, cards);
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "Scorecard_ranking_inserted" AFTER INSERT ON "Scorecard"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_scorecards_inserted"();
CREATE TRIGGER "Scorecard_ranking_updated" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_scorecards_updated"();
CREATE TRIGGER "Scorecard_ranking_deleting" BEFORE DELETE ON "Scorecard"
  FOR EACH ROW EXECUTE FUNCTION "ranking_scorecard_deleting"();

-- Score values (of SUBMITTED scorecards) ----------------------------------------------------------------

CREATE FUNCTION "ranking_values_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_vals "ranking_value"[];
  new_vals "ranking_value"[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(ROW(a."roundId", a."applicationId", n."criterionId", n."value")::"ranking_value")
    INTO new_vals
    FROM new_rows n
    JOIN "Scorecard" s ON s."id" = n."scorecardId" AND s."status" = 'SUBMITTED'
    JOIN "Assignment" a ON a."id" = s."assignmentId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(ROW(a."roundId", a."applicationId", o."criterionId", o."value")::"ranking_value")
    INTO old_vals
    FROM old_rows o
    JOIN "Scorecard" s ON s."id" = o."scorecardId" AND s."status" = 'SUBMITTED'
    JOIN "Assignment" a ON a."id" = s."assignmentId";
  ELSE
    -- Only rows whose scorecard, criterion or value changed (not a comment).
    SELECT array_agg(ROW(a."roundId", a."applicationId", o."criterionId", o."value")::"ranking_value")
    INTO old_vals
    FROM old_rows o
    JOIN "Scorecard" s ON s."id" = o."scorecardId" AND s."status" = 'SUBMITTED'
    JOIN "Assignment" a ON a."id" = s."assignmentId"
    WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."scorecardId" = o."scorecardId" AND n."criterionId" = o."criterionId" AND n."value" = o."value");
    SELECT array_agg(ROW(a."roundId", a."applicationId", n."criterionId", n."value")::"ranking_value")
    INTO new_vals
    FROM new_rows n
    JOIN "Scorecard" s ON s."id" = n."scorecardId" AND s."status" = 'SUBMITTED'
    JOIN "Assignment" a ON a."id" = s."assignmentId"
    WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."scorecardId" = n."scorecardId" AND o."criterionId" = n."criterionId" AND o."value" = n."value");
  END IF;
  IF old_vals IS NULL AND new_vals IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "ranking_touch_rounds"(array(SELECT v."roundId" FROM unnest(old_vals) v UNION SELECT v."roundId" FROM unnest(new_vals) v));
  PERFORM "ranking_apply_values"(-1, old_vals);
  PERFORM "ranking_apply_values"(1, new_vals);
  RETURN NULL;
END $$;

CREATE TRIGGER "ScoreValue_ranking_inserted" AFTER INSERT ON "ScoreValue"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_values_changed"();
CREATE TRIGGER "ScoreValue_ranking_updated" AFTER UPDATE ON "ScoreValue"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_values_changed"();
CREATE TRIGGER "ScoreValue_ranking_deleted" AFTER DELETE ON "ScoreValue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_values_changed"();

-- Assignments -------------------------------------------------------------------------------------------

CREATE FUNCTION "ranking_assignments_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_touch_rounds"(array(SELECT DISTINCT n."roundId" FROM new_rows n));
  INSERT INTO "RankingApplicationSums" AS t ("roundId", "applicationId", "assigned")
  SELECT n."roundId", n."applicationId", count(*) FROM new_rows n
  GROUP BY n."roundId", n."applicationId" ORDER BY n."roundId", n."applicationId"
  ON CONFLICT ("roundId", "applicationId") DO UPDATE SET "assigned" = t."assigned" + excluded."assigned";
  RETURN NULL;
END $$;

-- One assignment taken away (deleted, or moved by an update) or added back, with its scorecard.
CREATE FUNCTION "ranking_apply_assignment"("direction" int, "p_assignment" uuid, "p_round" uuid, "p_juror" uuid, "p_application" uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  cards "ranking_card"[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Round" r WHERE r."id" = "p_round") THEN
    RETURN;
  END IF;
  PERFORM "ranking_touch_rounds"(ARRAY["p_round"]);
  INSERT INTO "RankingApplicationSums" AS t ("roundId", "applicationId", "assigned")
  VALUES ("p_round", "p_application", "direction")
  ON CONFLICT ("roundId", "applicationId") DO UPDATE SET "assigned" = t."assigned" + excluded."assigned";
  SELECT array_agg(ROW(s."id", "p_round", "p_application", "p_juror", s."status"::text, s."weightedScore")::"ranking_card")
  INTO cards
  FROM "Scorecard" s WHERE s."assignmentId" = "p_assignment";
  PERFORM "ranking_apply_cards"("direction", cards);
END $$;

CREATE FUNCTION "ranking_assignment_deleting"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_apply_assignment"(-1, OLD."id", OLD."roundId", OLD."jurorId", OLD."applicationId");
  RETURN OLD;
END $$;

CREATE FUNCTION "ranking_assignment_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_apply_assignment"(-1, OLD."id", OLD."roundId", OLD."jurorId", OLD."applicationId");
  PERFORM "ranking_apply_assignment"(1, NEW."id", NEW."roundId", NEW."jurorId", NEW."applicationId");
  RETURN NULL;
END $$;

CREATE TRIGGER "Assignment_ranking_inserted" AFTER INSERT ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_assignments_inserted"();
CREATE TRIGGER "Assignment_ranking_deleting" BEFORE DELETE ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION "ranking_assignment_deleting"();
CREATE TRIGGER "Assignment_ranking_moved" AFTER UPDATE ON "Assignment"
  FOR EACH ROW WHEN ((OLD."roundId", OLD."jurorId", OLD."applicationId") IS DISTINCT FROM (NEW."roundId", NEW."jurorId", NEW."applicationId"))
  EXECUTE FUNCTION "ranking_assignment_moved"();

-- Criteria: sums of a deleted criterion go with it (its values were counted out by their own trigger).
CREATE FUNCTION "ranking_criteria_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RankingCriterionSums" t USING old_rows o WHERE t."roundId" = o."roundId" AND t."criterionId" = o."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Criterion_ranking_deleted" AFTER DELETE ON "Criterion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_criteria_deleted"();

-- Everything else a ranking shows only bumps the stamp: the round itself and the call's other rounds,
-- criteria (labels, weights, scales), jurors, applications taken into rounds, the applications' status,
-- reference, title, region answer and eligibility suggestion (drafts are never ranked, so their
-- autosaves change nothing), the form fields that say which answer is the region, jurors' names and emails.

CREATE FUNCTION "ranking_touch_by_call"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ranking_touch_calls"(array(SELECT DISTINCT o."callId" FROM old_rows o));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM "ranking_touch_calls"(array(SELECT DISTINCT n."callId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_touch_by_round"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ranking_touch_rounds"(array(SELECT DISTINCT o."roundId" FROM old_rows o));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM "ranking_touch_rounds"(array(SELECT DISTINCT n."roundId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_touch_by_application"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ranking_touch_calls"(array(SELECT DISTINCT n."callId" FROM new_rows n WHERE n."status" <> 'DRAFT'));
  ELSE
    PERFORM "ranking_touch_calls"(array(SELECT DISTINCT o."callId" FROM old_rows o WHERE o."status" <> 'DRAFT'));
  END IF;
  RETURN NULL;
END $$;

-- An updated application: the trigger's WHEN clause (below) already said that a column the ranking shows
-- changed on an application out of draft, so an autosave never calls this. A set-based update (decisions
-- on a whole round) calls it per row: after the first row of a call, the transaction's list of touched
-- calls answers without any statement.
CREATE FUNCTION "ranking_touch_by_application_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  seen text := coalesce(current_setting('tahkim.ranking_touched', true), '');
BEGIN
  IF position(NEW."callId"::text IN seen) = 0 OR position(OLD."callId"::text IN seen) = 0 THEN
    PERFORM "ranking_touch_calls"(ARRAY[OLD."callId", NEW."callId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "ranking_touch_by_juror_user"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ranking_touch_rounds"(array(SELECT j."roundId" FROM "Juror" j WHERE j."userId" = NEW."id"));
  RETURN NULL;
END $$;

CREATE TRIGGER "Round_ranking_inserted" AFTER INSERT ON "Round" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "Round_ranking_updated" AFTER UPDATE ON "Round" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "Round_ranking_deleted" AFTER DELETE ON "Round" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormSection_ranking_inserted" AFTER INSERT ON "FormSection" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormSection_ranking_updated" AFTER UPDATE ON "FormSection" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormSection_ranking_deleted" AFTER DELETE ON "FormSection" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormField_ranking_inserted" AFTER INSERT ON "FormField" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormField_ranking_updated" AFTER UPDATE ON "FormField" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "FormField_ranking_deleted" AFTER DELETE ON "FormField" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_call"();
CREATE TRIGGER "Criterion_ranking_inserted" AFTER INSERT ON "Criterion" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Criterion_ranking_updated" AFTER UPDATE ON "Criterion" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Criterion_ranking_touched_by_delete" AFTER DELETE ON "Criterion" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Juror_ranking_inserted" AFTER INSERT ON "Juror" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Juror_ranking_updated" AFTER UPDATE ON "Juror" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Juror_ranking_deleted" AFTER DELETE ON "Juror" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "RoundApplication_ranking_inserted" AFTER INSERT ON "RoundApplication" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "RoundApplication_ranking_updated" AFTER UPDATE ON "RoundApplication" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "RoundApplication_ranking_deleted" AFTER DELETE ON "RoundApplication" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_round"();
CREATE TRIGGER "Application_ranking_inserted" AFTER INSERT ON "Application" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_application"();
-- No transition tables and no function call for an update the ranking does not show (a draft's autosave).
CREATE TRIGGER "Application_ranking_updated" AFTER UPDATE ON "Application"
  FOR EACH ROW WHEN ((OLD."status" <> 'DRAFT' OR NEW."status" <> 'DRAFT')
    AND (OLD."status", OLD."callId", OLD."reference", OLD."title", OLD."eligibilitySuggestion", OLD."answers")
        IS DISTINCT FROM (NEW."status", NEW."callId", NEW."reference", NEW."title", NEW."eligibilitySuggestion", NEW."answers"))
  EXECUTE FUNCTION "ranking_touch_by_application_row"();
CREATE TRIGGER "Application_ranking_deleted" AFTER DELETE ON "Application" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ranking_touch_by_application"();
CREATE TRIGGER "User_ranking_renamed" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (OLD."displayName" IS DISTINCT FROM NEW."displayName" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "ranking_touch_by_juror_user"();
