import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { pageUser } from "@/lib/auth/page";
import { card, PageTitle } from "@/app/ui/page-title";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "Account" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const roleName = { STUDENT: "Student", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;

export default async function AccountPage() {
  const caller = await pageUser("/account");
  const tokens = await listApiTokens(caller.id);
  return (
    <div className="space-y-8">
      <PageTitle title="Account" />
      <section aria-labelledby="profile" className={card}>
        <h2 id="profile" className="mb-3 font-semibold">
          Profile
        </h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">Name</dt>
          <dd>{caller.name}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Email</dt>
          <dd className="break-all">{caller.email}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Role</dt>
          <dd data-testid="account-role">{roleName[caller.role]}</dd>
        </dl>
      </section>

      <section aria-labelledby="tokens" className={`${card} space-y-4`}>
        <div>
          <h2 id="tokens" className="font-semibold">
            API tokens
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            For scripts and LMS integrations. A token acts as you; only a hash of it is stored, so it is shown once.
          </p>
        </div>
        <CreateTokenForm />
        {tokens.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No active tokens.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="token-list">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">{t.name}</p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    <span className="font-mono">{t.prefix}…</span> · created {date.format(t.createdAt)} ·{" "}
                    {t.lastUsedAt ? `last used ${date.format(t.lastUsedAt)}` : "never used"}
                  </p>
                </div>
                <RevokeTokenButton id={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
