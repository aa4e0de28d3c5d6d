-- Attempts used at a slot become one index probe (the largest attemptNumber) instead of a count
-- of the student's attempts there, which grew with every attempt; and the submission path's SQL
-- moves into two PL/pgSQL functions, whose statements PostgreSQL plans once per connection
-- instead of parsing and planning a literal multi-CTE script on every submission
-- (lib/attempts/submit.ts, lib/attempts/state.ts).

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "attemptNumber" INTEGER;

-- Attempt k at a slot was always graded against, and stored with, the slot's k-th variant.
UPDATE "Attempt" a SET "attemptNumber" = v."attemptNumber" FROM "Variant" v WHERE v.id = a."variantId";

-- DropIndex
DROP INDEX "Attempt_assessmentQuestionId_userId_createdAt_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_assessmentQuestionId_userId_attemptNumber_key" ON "Attempt"("assessmentQuestionId", "userId", "attemptNumber");

-- A row inserted without a number (test fixtures, bench seeds, anything but the submission path)
-- takes its variant's. The WHEN clause keeps the submission path, which always sets it, from
-- calling the function at all.
CREATE FUNCTION heapwise_attempt_number_from_variant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "attemptNumber" INTO NEW."attemptNumber" FROM "Variant" WHERE id = NEW."variantId";
  RETURN NEW;
END $$;

CREATE TRIGGER "Attempt_attemptNumber_from_variant" BEFORE INSERT ON "Attempt"
  FOR EACH ROW WHEN (NEW."attemptNumber" IS NULL) EXECUTE FUNCTION heapwise_attempt_number_from_variant();

-- The caller's state at one slot, in one snapshot (STABLE): attempts used, enrolment as a STUDENT,
-- the quiz sitting, an attempt already stored under the idempotency key, and the Variant row of
-- the current attempt (attempts used + 1, or the last one once the limit is used up).
CREATE FUNCTION heapwise_slot_state(p_user text, p_course text, p_assessment text, p_slot text, p_key text, p_max int)
RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  answered int;
  attempt_number int;
BEGIN
  SELECT coalesce(max(t."attemptNumber"), 0) INTO answered FROM "Attempt" t WHERE t."assessmentQuestionId" = p_slot AND t."userId" = p_user;
  attempt_number := CASE WHEN p_max IS NOT NULL AND answered >= p_max AND answered > 0 THEN answered ELSE answered + 1 END;
  RETURN json_build_object(
    'answered', answered,
    'enrolled', EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."courseId" = p_course AND e."userId" = p_user AND e.role = 'STUDENT'),
    'sitting', (SELECT json_build_object('id', s.id, 'assessmentId', s."assessmentId", 'userId', s."userId", 'startedAt', s."startedAt", 'deadlineAt', s."deadlineAt", 'finishedAt', s."finishedAt")
                  FROM "Sitting" s WHERE s."assessmentId" = p_assessment AND s."userId" = p_user),
    'stored', (SELECT json_build_object('id', t.id, 'assessmentQuestionId', t."assessmentQuestionId", 'correct', t.correct, 'score', t.score, 'feedback', t.feedback)
                 FROM "Attempt" t WHERE t."userId" = p_user AND t."idempotencyKey" = p_key),
    'variant', (SELECT json_build_object('id', v.id, 'questionVersionId', v."questionVersionId", 'seed', v.seed, 'pythonVersion', v."pythonVersion", 'issuedAt', v."issuedAt", 'attemptNumber', v."attemptNumber")
                  FROM "Variant" v WHERE v."userId" = p_user AND v."assessmentQuestionId" = p_slot AND v."attemptNumber" = attempt_number));
END $$;

-- One submission's write, inside the caller's (group-committed) transaction. First the variant
-- row is locked, inserted on its first sight (p_new_variant: the id for it; NULL: the row exists):
-- that serialises the submissions for this student's attempt at this slot. Every later statement
-- takes a new snapshot (a VOLATILE function under READ COMMITTED), so it sees whatever a twin
-- committed before the lock was granted; they re-check the key, the variant and the limit, and
-- insert. The unique indexes on (userId, idempotencyKey) and (slot, userId, attemptNumber) are
-- the backstops. Returns {existing, inserted, used, same} as lib/attempts/submit.ts reads it.
CREATE FUNCTION heapwise_submit_attempt(
  p_user text, p_assessment text, p_slot text, p_question text,
  p_new_variant text, p_version text, p_seed int, p_python text, p_issued_at timestamp, p_attempt_number int,
  p_id text, p_answer jsonb, p_correct boolean, p_score float8, p_points float8, p_feedback jsonb,
  p_misconception text, p_time_taken_ms int, p_key text, p_at timestamp, p_max int)
RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  variant text;
  same boolean;
  existing json;
  used int;
  inserted json;
BEGIN
  IF p_new_variant IS NOT NULL THEN
    -- DO UPDATE (of a column to its own value) locks a twin's row like SELECT ... FOR UPDATE.
    INSERT INTO "Variant" AS v (id, "userId", "questionId", "questionVersionId", "assessmentQuestionId", "attemptNumber", seed, "pythonVersion", "issuedAt")
    VALUES (p_new_variant, p_user, p_question, p_version, p_slot, p_attempt_number, p_seed, p_python, p_issued_at)
    ON CONFLICT ("userId", "assessmentQuestionId", "attemptNumber") DO UPDATE SET "attemptNumber" = EXCLUDED."attemptNumber"
    RETURNING v.id, (v."questionVersionId" = p_version AND v.seed = p_seed) INTO variant, same;
  ELSE
    SELECT v.id, (v."questionVersionId" = p_version AND v.seed = p_seed) INTO variant, same FROM "Variant" v
     WHERE v."userId" = p_user AND v."assessmentQuestionId" = p_slot AND v."attemptNumber" = p_attempt_number FOR UPDATE;
  END IF;
  SELECT json_build_object('id', t.id, 'assessmentQuestionId', t."assessmentQuestionId", 'correct', t.correct, 'score', t.score, 'feedback', t.feedback) INTO existing
    FROM "Attempt" t WHERE t."userId" = p_user AND t."idempotencyKey" = p_key;
  SELECT coalesce(max(t."attemptNumber"), 0) INTO used FROM "Attempt" t WHERE t."assessmentQuestionId" = p_slot AND t."userId" = p_user;
  IF existing IS NULL AND same AND used + 1 = p_attempt_number AND (p_max IS NULL OR used < p_max) THEN
    INSERT INTO "Attempt" AS t (id, "userId", "assessmentId", "assessmentQuestionId", "questionId", "questionVersionId", "variantId", seed, "pythonVersion",
                                answer, correct, score, points, feedback, misconception, "timeTakenMs", "idempotencyKey", "attemptNumber", "createdAt", "gradedAt")
    VALUES (p_id, p_user, p_assessment, p_slot, p_question, p_version, variant, p_seed, p_python,
            p_answer, p_correct, p_score, p_points, p_feedback, p_misconception, p_time_taken_ms, p_key, p_attempt_number, p_at, p_at)
    RETURNING json_build_object('id', t.id, 'correct', t.correct, 'score', t.score, 'feedback', t.feedback) INTO inserted;
  END IF;
  RETURN json_build_object('existing', existing, 'inserted', inserted, 'used', used, 'same', same);
END $$;
