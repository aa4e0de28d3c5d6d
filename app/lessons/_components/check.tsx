// <Check id />: an inline question from content/lessons/checks, shown as the student view only
// (no key reaches the browser), graded by a server action through lib/grading.
import { cache } from "react";
import { loadCaller } from "@/lib/auth/caller";
import { getPrisma } from "@/lib/db";
import { checkPropsSchema } from "@/lib/lessons/props";
import { checkView } from "@/lib/lessons/grade";
import { progressOf } from "@/lib/lessons/progress";
import { CheckForm } from "./check-form";

// One progress query per request, however many checks the lesson has.
const progressFor = cache((userId: string) => progressOf(getPrisma(), userId));

export async function Check(raw: Record<string, unknown>) {
  const { id } = checkPropsSchema.parse(raw);
  const view = checkView(id);
  if (!view) throw new Error(`lesson check ${id} is not in content/lessons/checks`);
  const caller = await loadCaller().catch(() => null);
  // A database outage must not take the lesson down: the check still works, unsaved.
  const done = caller ? await progressFor(caller.id).then((p) => p.get(view.lesson)?.checksDone.includes(id) ?? false, () => false) : false;
  return <CheckForm id={id} python={view.python} view={view.view} done={done} signedIn={caller !== null} returnTo={`/lessons/${view.lesson}`} />;
}
