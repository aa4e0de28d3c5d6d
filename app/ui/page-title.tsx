export function PageTitle({ title, lead }: { title: React.ReactNode; lead?: React.ReactNode }) {
  return (
    <div className="mb-6 space-y-1">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
      {lead ? <p className="text-zinc-600 dark:text-zinc-400">{lead}</p> : null}
    </div>
  );
}

export const card = "rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
