import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { auditActions, listAuditEvents } from "@/lib/data/audit";
import { formatTimestamp } from "@/lib/domain/format";
import { auditQueryInput, auditQuerySchema } from "@/lib/validation/audit-query";
import { TableScroll } from "@/components/layout/table-scroll";
import { DownloadLink } from "@/components/exports/download-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("auditTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Before/after as short "key: value" text; JSON is rendered as text, never as markup. */
function details(before: unknown, after: unknown): string {
  const show = (v: unknown) => (v && typeof v === "object" ? Object.entries(v).map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`).join(", ") : "");
  const b = show(before);
  const a = show(after);
  return b && a ? `${b} → ${a}` : b || a;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("audit:read");
  const input = auditQueryInput(await searchParams);
  const parsed = auditQuerySchema.safeParse(input);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const [t, locale, actions, page] = await Promise.all([getTranslations("admin"), getLocale(), auditActions(), listAuditEvents(query)]);
  const filters = new URLSearchParams(Object.entries(input).filter(([k]) => k !== "before" && k !== "limit"));
  const withBefore = (before: number) => `/admin/audit?${new URLSearchParams([...filters, ["before", String(before)]])}`;
  return (
    <>
      <h1>{t("auditTitle")}</h1>
      <p className="lead">{t("auditIntro")}</p>
      <form method="get" className="filter-bar" aria-label={t("filter")}>
        <div className="field">
          <label htmlFor="a-action">{t("action")}</label>
          <select id="a-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-user">{t("user")}</label>
          <input id="a-user" name="user" type="search" defaultValue={query.user ?? ""} maxLength={320} />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("from")}</label>
          <input id="a-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("to")}</label>
          <input id="a-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <button type="submit">{t("filter")}</button>
        <DownloadLink className="button-link" href={`/api/v1/audit.csv?${filters}`}>
          {t("exportCsv")}
        </DownloadLink>
      </form>
      {!parsed.success && <p className="form-error">{parsed.error.issues.map((i) => i.message).join("; ")}</p>}
      {page.data.length === 0 ? (
        <p>{t("noEvents")}</p>
      ) : (
        <TableScroll focusable>
          <table className="audit-log">
            <caption className="visually-hidden">{t("auditTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("user")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("entity")}</th>
                <th scope="col">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{formatTimestamp(e.at, locale)}</time>
                  </td>
                  <td>{e.user ?? t("system")}</td>
                  <td>{e.action}</td>
                  <td>{e.entityId ? `${e.entity} ${e.entityId}` : e.entity}</td>
                  <td className="details">{details(e.before, e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="pager">
        {query.before && <Link href={`/admin/audit?${filters}`}>{t("newest")}</Link>} {page.next && <Link href={withBefore(page.next)}>{t("older")} →</Link>}
      </p>
    </>
  );
}
