-- Attempts used, inside heapwise_slot_state and heapwise_submit_attempt, read as "the last
-- attemptNumber in index order" instead of max(attemptNumber). Their plans are cached per
-- connection, and a plan made while Attempt was small (any fresh database, bench:load's) took
-- max() as an aggregate over every attempt of the student at the slot, each one a heap fetch
-- (new rows are not all-visible): the count(*) cost the previous migrations set out to remove,
-- seen as ~25% of PostgreSQL's CPU under bench:load (perf). ORDER BY ... DESC LIMIT 1 matches the
-- unique index's order, so every plan is one backward index probe. Nothing else changes.

CREATE OR REPLACE FUNCTION heapwise_slot_state(p_user text, p_course text, p_assessment text, p_slot text, p_key text, p_max int)
RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  answered int;
  attempt_number int;
BEGIN
  answered := coalesce((SELECT t."attemptNumber" FROM "Attempt" t WHERE t."assessmentQuestionId" = p_slot AND t."userId" = p_user AND t."attemptNumber" IS NOT NULL ORDER BY t."attemptNumber" DESC LIMIT 1), 0);
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

CREATE OR REPLACE FUNCTION heapwise_submit_attempt(
  p_user text, p_assessment text, p_slot text, p_question text,
  p_new_variant text, p_version text, p_seed int, p_python text, p_issued_at timestamp, p_attempt_number int,
  p_id text, p_answer jsonb, p_correct boolean, p_score float8, p_points float8, p_feedback jsonb,
  p_misconception text, p_key text, p_at timestamp, p_max int,
  p_course text, p_sitting text, p_deadline timestamp, p_finished timestamp)
RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  variant text;
  issued timestamp;
  same boolean;
  existing json;
  used int;
  inserted json;
  sitting_id text;
  deadline timestamp;
  finished timestamp;
BEGIN
  IF p_course IS NOT NULL THEN
    SELECT s.id, s."deadlineAt", s."finishedAt" INTO sitting_id, deadline, finished FROM "Sitting" s WHERE s."assessmentId" = p_assessment AND s."userId" = p_user;
    IF NOT EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."courseId" = p_course AND e."userId" = p_user AND e.role = 'STUDENT')
       OR sitting_id IS DISTINCT FROM p_sitting OR deadline IS DISTINCT FROM p_deadline OR finished IS DISTINCT FROM p_finished
       OR coalesce((SELECT t."attemptNumber" FROM "Attempt" t WHERE t."assessmentQuestionId" = p_slot AND t."userId" = p_user AND t."attemptNumber" IS NOT NULL ORDER BY t."attemptNumber" DESC LIMIT 1), 0) <> p_attempt_number - 1 THEN
      RETURN json_build_object('stale', true);
    END IF;
  END IF;
  IF p_new_variant IS NOT NULL THEN
    -- DO UPDATE (of a column to its own value) locks a twin's row like SELECT ... FOR UPDATE.
    INSERT INTO "Variant" AS v (id, "userId", "questionId", "questionVersionId", "assessmentQuestionId", "attemptNumber", seed, "pythonVersion", "issuedAt")
    VALUES (p_new_variant, p_user, p_question, p_version, p_slot, p_attempt_number, p_seed, p_python, p_issued_at)
    ON CONFLICT ("userId", "assessmentQuestionId", "attemptNumber") DO UPDATE SET "attemptNumber" = EXCLUDED."attemptNumber"
    RETURNING v.id, v."issuedAt", (v."questionVersionId" = p_version AND v.seed = p_seed) INTO variant, issued, same;
  ELSE
    SELECT v.id, v."issuedAt", (v."questionVersionId" = p_version AND v.seed = p_seed) INTO variant, issued, same FROM "Variant" v
     WHERE v."userId" = p_user AND v."assessmentQuestionId" = p_slot AND v."attemptNumber" = p_attempt_number FOR UPDATE;
  END IF;
  SELECT json_build_object('id', t.id, 'assessmentQuestionId', t."assessmentQuestionId", 'correct', t.correct, 'score', t.score, 'feedback', t.feedback) INTO existing
    FROM "Attempt" t WHERE t."userId" = p_user AND t."idempotencyKey" = p_key;
  used := coalesce((SELECT t."attemptNumber" FROM "Attempt" t WHERE t."assessmentQuestionId" = p_slot AND t."userId" = p_user AND t."attemptNumber" IS NOT NULL ORDER BY t."attemptNumber" DESC LIMIT 1), 0);
  IF existing IS NULL AND same AND used + 1 = p_attempt_number AND (p_max IS NULL OR used < p_max) THEN
    INSERT INTO "Attempt" AS t (id, "userId", "assessmentId", "assessmentQuestionId", "questionId", "questionVersionId", "variantId", seed, "pythonVersion",
                                answer, correct, score, points, feedback, misconception, "timeTakenMs", "idempotencyKey", "attemptNumber", "createdAt", "gradedAt")
    VALUES (p_id, p_user, p_assessment, p_slot, p_question, p_version, variant, p_seed, p_python,
            p_answer, p_correct, p_score, p_points, p_feedback, p_misconception,
            -- milliseconds since the variant was issued, within int4 (never negative: clocks differ)
            least(2147483647, greatest(0, round(extract(epoch FROM (p_at - issued)) * 1000)))::int,
            p_key, p_attempt_number, p_at, p_at)
    RETURNING json_build_object('id', t.id, 'correct', t.correct, 'score', t.score, 'feedback', t.feedback) INTO inserted;
  END IF;
  RETURN json_build_object('existing', existing, 'inserted', inserted, 'used', used, 'same', same);
END $$;
