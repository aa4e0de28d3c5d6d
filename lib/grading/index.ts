// The grading core's public surface. Pure apart from the simulator passed to computeKey.
export { answerSchema, answerSchemaFor, answerSchemas, parseAnswer, type StudentAnswer } from "./answers";
export { computeKeyWith, type Key, type KeyAnswer, type KeyResult, type NotGradable } from "./key";
export { grade, expectedAnswer, type GradeResult } from "./grade";
export { MISCONCEPTIONS, detectMisconception, findMisconception, type Misconception } from "./misconceptions";
export { score } from "./score";
export { toStudentView, type StudentView } from "./student-view";
export type { Simulator } from "./simulator";
