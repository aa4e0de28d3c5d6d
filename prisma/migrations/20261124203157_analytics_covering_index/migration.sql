-- DropIndex
DROP INDEX "Attempt_assessmentId_userId_idx";

-- CreateIndex
CREATE INDEX "Attempt_assessmentId_userId_assessmentQuestionId_createdAt__idx" ON "Attempt"("assessmentId", "userId", "assessmentQuestionId", "createdAt", "id", "score", "points", "correct", "questionVersionId", "timeTakenMs");
