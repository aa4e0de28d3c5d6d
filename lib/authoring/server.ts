// What Next code imports: the authoring service behind the `server-only` guard, so a client
// component that reaches for it fails the build instead of shipping answer keys.
import "server-only";

export * from "./service";
export { checkVariants, previewVariants, versionTable, type CheckReport, type Preview, type VersionRow } from "./simulate";
