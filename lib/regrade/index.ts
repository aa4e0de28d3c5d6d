// Regrading after a template fix: preview whose scores change, then apply (recorded). Only the
// course's INSTRUCTOR may do either; a TA reads analytics but edits nothing.
export { previewRegrade, regradeInputSchema, type RegradePreview, type AttemptChange, type StudentChange, type NotRegradable } from "./preview";
export { applyRegrade, type RegradeResult } from "./apply";
export { regradeQuestions, regradeHistory, type RegradeQuestion, type RegradeRecord } from "./history";
