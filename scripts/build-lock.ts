// The lock on this checkout's `.next`: a production build and the server that serves it must not
// overlap another run's build (test/e2e/serve.ts, scripts/bench-load.ts). A directory created
// atomically, holding the holder's pid; a waiter takes over a lock whose holder died.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface BuildLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits for and takes the build lock of the checkout at `root`; `onWait` hears every 30 s. */
export async function acquireBuildLock(root: string, onWait: (holderPid: number) => void): Promise<BuildLock> {
  const lock = path.join(tmpdir(), `heapwise-e2e-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      let held = true;
      return {
        release() {
          if (held) rmSync(lock, { recursive: true, force: true });
          held = false;
        },
      };
    } catch {
      let holder = Number.NaN;
      try {
        holder = Number.parseInt(readFileSync(path.join(lock, "pid"), "utf8"), 10);
      } catch {
        // The holder is between mkdir and writing its pid; look again shortly.
      }
      if (Number.isInteger(holder) && !alive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0) onWait(holder);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
