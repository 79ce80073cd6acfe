import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { auditActions, listAuditEvents } from "@/lib/data/audit";
import { formatTimestamp } from "@/lib/domain/format";
import { auditQueryInput, parseAuditFilters, type AuditFilterProblem } from "@/lib/validation/audit-query";
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
  // A refused filter (a hand-edited from=2024-99-99) is dropped and shown at its field; the others still apply.
  const { query, values, problems } = parseAuditFilters(auditQueryInput(await searchParams));
  const [t, locale, actions, page] = await Promise.all([getTranslations("admin"), getLocale(), auditActions(), listAuditEvents(query)]);
  const filters = new URLSearchParams(Object.entries(values).filter(([k]) => k !== "before" && k !== "limit"));
  const problemText: Record<AuditFilterProblem, string> = { date: t("auditDateInvalid"), order: t("auditToBeforeFrom"), invalid: t("auditFilterInvalid") };
  const fieldError = (name: "from" | "to") => {
    const problem = problems[name];
    return problem ? { id: `a-${name}-error`, text: problemText[problem] } : null;
  };
  const dateField = (name: "from" | "to") => {
    const error = fieldError(name);
    return (
      <div className="field">
        <label htmlFor={`a-${name}`}>{t(name)}</label>
        <input id={`a-${name}`} name={name} type="date" defaultValue={query[name] ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error?.id} />
        {error && (
          <p className="field-error" id={error.id}>
            {error.text}
          </p>
        )}
      </div>
    );
  };
  const otherProblems = Object.keys(problems).filter((k) => k !== "from" && k !== "to");
  const withBefore = (before: number) => `/admin/audit?${new URLSearchParams([...filters, ["before", String(before)]])}`;
  return (
    <>
      <h1>{t("auditTitle")}</h1>
      <p className="lead">{t("auditIntro")}</p>
      <form method="get" className="filter-bar audit-filters" aria-label={t("filter")}>
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
        {dateField("from")}
        {dateField("to")}
        <div className="filter-actions">
          <button type="submit">{t("filter")}</button>
          <DownloadLink className="button-link" href={`/api/v1/audit.csv?${filters}`}>
            {t("exportCsv")}
          </DownloadLink>
        </div>
      </form>
      {otherProblems.length > 0 && <p className="form-error">{t("auditFiltersIgnored", { names: otherProblems.join(", ") })}</p>}
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
