// Class analytics, computed in PostgreSQL. Every function takes the caller and checks the course
// role itself (INSTRUCTOR or TA read; a STUDENT or another course's instructor is refused).
export { scoreDistribution, type ScoreDistribution } from "./score-distribution";
export { itemStats, type ItemStats } from "./item-stats";
export { cronbachAlpha, type CronbachAlpha } from "./cronbach-alpha";
export { studentDrillDown, type StudentDrillDown, type DrillDownAttempt } from "./student-drill-down";
export { masteryHeatmap, type MasteryCell } from "./mastery-heatmap";
export { progressOverTime, type WeekProgress } from "./progress";
export { gradesCsv } from "./grades-csv";
export { attemptsCsv } from "./attempts-csv";
export { csvCell, csvLine } from "./csv";
export { assessmentAttemptsCsv } from "./attempts-csv";
export { courseScoreDistributions, courseStudents, type AssessmentSummary, type CourseStudent } from "./course-overview";
export { answerText } from "./answer-text";
export { attemptProgram, type AttemptProgram } from "./attempt-program";
export { courseDashboard, type CourseDashboard } from "./course-dashboard";
