// The memory at an attempt's key moment (stored with its feedback when it was graded): each name
// in each frame with the object it refers to, that object's type and reference count.
import type { Feedback } from "@/lib/attempts/schema";

export function KeyMomentView({ moment }: { moment: NonNullable<Feedback["keyMoment"]> }) {
  const byId = new Map(moment.objects.map((o) => [o.id, o]));
  return (
    <div className="mt-1 space-y-1 text-xs">
      <p>
        {moment.why} (line {moment.line}: <code className="font-mono">{moment.source}</code>)
      </p>
      <table className="text-left font-mono">
        <caption className="sr-only">Names and the objects they refer to at the key moment</caption>
        <thead className="text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="pr-2 font-medium">Frame</th>
            <th scope="col" className="pr-2 font-medium">Name</th>
            <th scope="col" className="pr-2 font-medium">Object</th>
            <th scope="col" className="font-medium">Refcount</th>
          </tr>
        </thead>
        <tbody>
          {moment.frames.flatMap((f) =>
            f.locals.map((l) => {
              const o = byId.get(l.objectId);
              return (
                <tr key={`${f.name}.${l.name}`}>
                  <td className="pr-2">{f.name}</td>
                  <td className="pr-2">{l.name}</td>
                  <td className="pr-2">
                    #{l.objectId} {o ? `${o.type} ${o.preview}` : ""}
                  </td>
                  <td className="tabular-nums">{o?.refcount ?? "–"}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      {moment.freed.length > 0 ? <p>Freed: {moment.freed.map((id) => `#${id}`).join(", ")}</p> : null}
    </div>
  );
}
