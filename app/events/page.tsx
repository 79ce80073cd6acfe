import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listEvents } from "@/lib/data/events";
import { regionIndex } from "@/lib/data/reference";
import { coversPlace } from "@/lib/auth/scope";
import { writablePlaces } from "@/lib/auth/scope-options";
import { eventDates, eventTitle, type EventDto } from "@/lib/domain/events";
import { ActionForm, type FieldSpec } from "@/components/admin/action-form";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { SourceLink } from "@/components/layout/source-link";
import { TableScroll } from "@/components/layout/table-scroll";
import { REGION_PCODE } from "@/lib/validation/event-input";
import { createEventAction, deleteEventAction, updateEventAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("eventsPage"))("title") };
}

/**
 * Every signed-in user reads the events the charts mark (figures:read);
 * analysts and admins add, change and delete them (events:write).
 * `?region=ML05`: that region's events and the national ones; `?region=ML`: national ones only.
 * A read-scoped reader is offered and shown their regions' events and the national ones only.
 */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const [t, locale, regionsByCode] = await Promise.all([getTranslations("eventsPage"), getLocale(), regionIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  const regions = [...regionsByCode.values()].filter((r) => r.level === 1);
  const raw = typeof params.region === "string" ? params.region.toUpperCase() : "";
  const region = raw === "ML" || (REGION_PCODE.test(raw) && regionsByCode.get(raw)?.level === 1) ? raw : undefined;
  const events = await listEvents({ region, reader: user.scope });
  const canWrite = can(user.role, "events:write");
  // The form offers only the regions the writer's scope covers, the national level only without a region limit.
  const writable = writablePlaces(user.scope, regions);
  const national = { pcode: "ML", level: 0, parent: null };
  const mayEdit = (e: EventDto) => coversPlace(user.scope, e.region === null ? national : (regionsByCode.get(e.region) ?? { ...national, pcode: e.region }));
  const regionName = (pcode: string | null) => (pcode === null ? t("national") : (regionsByCode.get(pcode)?.name[lang] ?? pcode));

  const fields = (values?: Omit<EventDto, "id" | "version" | "createdBy" | "createdAt" | "updatedAt">): FieldSpec[] => [
    { name: "title", label: t("fieldTitle"), defaultValue: values?.title ?? undefined },
    { name: "titleFr", label: t("fieldTitleFr"), optional: true, hint: t("fieldTitleFrHint"), defaultValue: values?.titleFr ?? undefined },
    { name: "startDate", label: t("fieldStartDate"), type: "date", defaultValue: values?.startDate ?? undefined },
    { name: "endDate", label: t("fieldEndDate"), type: "date", optional: true, hint: t("fieldEndDateHint"), defaultValue: values?.endDate ?? undefined },
    { name: "region", label: t("fieldRegion"), type: "select", defaultValue: values?.region ?? "", options: [...(coversPlace(user.scope, national) ? [{ value: "", label: t("national") }] : []), ...writable.map((r) => ({ value: r.pcode, label: r.name[lang] }))] },
    { name: "sourceUrl", label: t("fieldSourceUrl"), type: "url", defaultValue: values?.sourceUrl ?? undefined },
    { name: "note", label: t("fieldNote"), optional: true, defaultValue: values?.note ?? undefined },
  ];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" className="filter-bar events-filter">
        <div className="field">
          <label htmlFor="events-region">{t("filterRegion")}</label>
          <select id="events-region" name="region" defaultValue={region ?? ""}>
            <option value="">{t("allRegions")}</option>
            <option value="ML">{t("nationalOnly")}</option>
            {regions.filter((r) => !user.scope.readScoped || coversPlace(user.scope, r)).map((r) => (
              <option key={r.pcode} value={r.pcode}>
                {r.name[lang]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("filter")}</button>
      </form>
      {/* One provider of the forms' messages for the whole table, not one per row. */}
      <ScopedMessages namespaces={canWrite ? ["admin"] : []}>
        <TableScroll focusable>
          <table className="events-table">
            <caption>{t("listCaption", { count: events.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("note")}</th>
                {canWrite && <th scope="col">{t("actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-event-id={e.id}>
                  <td>{eventDates(e, locale)}</td>
                  <th scope="row">{eventTitle(e, locale)}</th>
                  <td>{regionName(e.region)}</td>
                  <td>
                    <SourceLink url={e.sourceUrl}>{e.sourceUrl}</SourceLink>
                  </td>
                  <td>{e.note ?? "—"}</td>
                  {canWrite && !mayEdit(e) && <td>—</td>}
                  {canWrite && mayEdit(e) && (
                    <td>
                      <details className="event-edit">
                        <summary>
                          {t("edit")}
                          <span className="visually-hidden"> ({e.title})</span>
                        </summary>
                        <ActionForm action={updateEventAction} submitLabel={t("save")} hidden={{ id: String(e.id), version: String(e.version) }} fields={fields(e)} />
                      </details>
                      <ActionForm action={deleteEventAction} submitLabel={t("delete")} danger confirm={t("confirmDelete")} hidden={{ id: String(e.id), version: String(e.version) }} className="inline-form" />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </ScopedMessages>
      {canWrite ? (
        <section aria-labelledby="create-event">
          <h2 id="create-event">{t("createTitle")}</h2>
          <p>{t("createIntro")}</p>
          <ScopedMessages namespaces={["admin"]}>
            <ActionForm action={createEventAction} submitLabel={t("create")} fields={fields()} />
          </ScopedMessages>
        </section>
      ) : (
        <p className="hint">{t("readOnly")}</p>
      )}
    </>
  );
}
