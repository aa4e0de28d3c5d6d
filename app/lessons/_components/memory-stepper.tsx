// <MemoryStepper code python mode />: runs the program on the simulator on the server, under every
// Python version, and hands the traces to the client view, so switching version or step never
// waits for the network and the browser never runs the simulator.
import { traceAllVersions } from "@/lib/lessons/engine";
import { stepperPropsSchema } from "@/lib/lessons/props";
import { MemoryStepperView } from "./memory-stepper-view";

export function MemoryStepper(raw: Record<string, unknown>) {
  const p = stepperPropsSchema.parse(raw);
  const runs = traceAllVersions(p.code, p.mode);
  return <MemoryStepperView code={p.code} mode={p.mode} initialPython={p.python} runs={runs} />;
}
