"use client";
// Quiz controls: Start (the server fixes the deadline), the countdown, and Hand in. The countdown
// is only a display: it is corrected by the server's clock at render (serverNow), and the server
// refuses late answers whatever this shows.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idle } from "@/lib/http/action-state";
import { finishQuizAction, startQuizAction } from "./actions";

export function StartQuizForm({ assessmentId, minutes }: { assessmentId: string; minutes: number | null }) {
  const [state, formAction] = useActionState(startQuizAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <FormMessage state={state.status === "error" ? state : idle} />
      <SubmitButton pendingText="Starting…">{minutes ? `Start the quiz (${minutes} minutes)` : "Start the quiz"}</SubmitButton>
    </form>
  );
}

export function FinishQuizForm({ assessmentId }: { assessmentId: string }) {
  const [state, formAction] = useActionState(finishQuizAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <FormMessage state={state.status === "error" ? state : idle} />
      <SubmitButton pendingText="Handing in…">Hand in the quiz</SubmitButton>
    </form>
  );
}

function format(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function Countdown({ deadlineAt, serverNow }: { deadlineAt: string; serverNow: string }) {
  const router = useRouter();
  // Offset between the server's clock and this browser's, measured once at render time.
  const [skew] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [left, setLeft] = useState(() => new Date(deadlineAt).getTime() - new Date(serverNow).getTime());
  useEffect(() => {
    const tick = () => setLeft(new Date(deadlineAt).getTime() - (Date.now() + skew));
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt, skew]);
  const over = left <= 0;
  useEffect(() => {
    if (over) router.refresh();
  }, [over, router]);
  return (
    <p role="timer" aria-live="off" className={`font-mono text-2xl font-semibold tabular-nums ${left < 60_000 ? "text-red-600 dark:text-red-400" : ""}`} data-testid="countdown">
      {over ? "Time is up" : format(left)}
    </p>
  );
}
