"use client";

// Upload a file, see what it would change, then commit it. The upload shows
// a progress bar (XMLHttpRequest reports upload progress; fetch does not).
// A file without HXL tags or a known layout gets a column mapping form.
import { useMemo, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/data/import-run";
import type { ColumnRole } from "@/lib/import/hxl-mapping";
import { mappingFixes, problemField, type ImportProblem, type ProblemField } from "@/lib/import/problems";
import { changeParts, previewValue } from "@/lib/import/change-words";
import { formatPeriod } from "@/lib/domain/format";
import { TableScroll } from "@/components/layout/table-scroll";
import { useApiErrorText, type ApiError } from "@/components/layout/use-api-error-text";

type Report = ImportReport;
type Role = "" | ColumnRole;

function send(form: FormData, onProgress: (p: number) => void): Promise<{ status: number; body: { data?: Report; error?: ApiError } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/imports");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response ?? {} });
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** The mapping the column form describes (lib/import/mapping.ts). */
export function mappingFromRoles(roles: Record<string, Role>): unknown {
  const col = (role: Role) => Object.entries(roles).find(([, r]) => r === role)?.[0];
  const [date, start, end, year] = [col("date"), col("start"), col("end"), col("year")];
  return {
    region: { ...(col("regionCode") ? { code: col("regionCode") } : {}), ...(col("regionName") ? { name: col("regionName") } : {}) },
    period: start && end ? { start, end } : date ? { date } : year ? { year } : {},
    values: Object.entries(roles).flatMap(([column, r]) => (r.startsWith("value:") ? [{ column, indicator: r.slice(6) }] : [])),
  };
}

interface Names {
  indicators: { code: string; name: string }[];
  regions: { pcode: string; name: string }[];
  datasets: { code: string; name: string }[];
}

export function ImportForm({ indicators, regions, datasets, maxMb }: Names & { maxMb: number }) {
  const t = useTranslations("imports");
  const apiErrorText = useApiErrorText();
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<FormData | null>(null);
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const problem = report?.status === "invalid_file" ? report.problem : undefined;
  const at = problem ? problemField(problem) : null;
  // A problem's message sits under the field that fixes it (and only there); the status line points to it.
  const problemText = problem ? problemMessage(t, problem) : null;
  const fieldProps = (field: ProblemField, hint?: string) => {
    const ids = [hint, at === field ? `i-${field}-error` : undefined].filter(Boolean).join(" ");
    return { "aria-invalid": at === field ? true : undefined, "aria-describedby": ids || undefined };
  };
  const fieldError = (field: ProblemField) => (at === field ? <p id={`i-${field}-error`} className="field-error">{problemText}</p> : null);
  const showMapping = report?.status === "invalid_file" && !!report.columns?.length && mappingFixes(problem);
  const tagged = report?.status === "invalid_file" && !!report.columns?.some((c) => c.tag);

  async function submit(data: FormData, dryRun: boolean) {
    const file = data.get("file");
    if (file instanceof File && file.size > maxMb * 1024 * 1024) {
      setError(t("tooLarge", { mb: maxMb }));
      return;
    }
    const body = new FormData();
    data.forEach((v, k) => body.append(k, v));
    body.set("dryRun", String(dryRun));
    if (!dryRun) body.delete("saveMappingAs"); // saved with the preview already
    if (Object.keys(roles).length) body.set("mapping", JSON.stringify(mappingFromRoles(roles)));
    setError(null);
    setProgress(0);
    try {
      const answer = await send(body, setProgress);
      const data = answer.body.data;
      if (data) setReport(data);
      if (data && data.status !== "invalid_file" && data.publication) fillSource(formRef.current, data.publication);
      // A tagged file the tags do not fully map: start the column form with what its tags say.
      if (data?.status === "invalid_file" && mappingFixes(data.problem) && !Object.keys(roles).length) {
        setRoles(Object.fromEntries((data.columns ?? []).flatMap((c) => (c.role ? [[c.header, c.role]] : []))));
      }
      if (!data) setError(answer.status === 413 ? t("tooLarge", { mb: maxMb }) : apiErrorText(answer.body.error, t("failed")));
    } catch {
      setError(t("failed"));
    }
    setProgress(null);
  }

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setForm(data);
    setReport(null);
    void submit(data, true);
  };

  return (
    <>
      <form className="card import-form" onSubmit={onPreview} ref={formRef}>
        <div className="field">
          <label htmlFor="i-file">{t("file")}</label>
          <input
            id="i-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            onChange={() => setRoles({})}
            {...fieldProps("file", "i-file-hint")}
          />
          <small className="hint" id="i-file-hint">
            {t("fileHint", { mb: maxMb })}
          </small>
          {fieldError("file")}
        </div>
        <div className="field">
          <label htmlFor="i-dataset">{t("dataset")}</label>
          <select id="i-dataset" name="dataset" defaultValue="" aria-describedby="i-dataset-hint">
            <option value="">{t("datasetFromFile")}</option>
            {datasets.map((d) => (
              <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
            ))}
          </select>
          <small className="hint" id="i-dataset-hint">
            {t("datasetHint")}
          </small>
        </div>
        <fieldset className="source-fields">
          <legend>{t("source")}</legend>
          <small className="hint">{t("sourceHint")}</small>
          <div className="field-row">
            <div className="field">
              <label htmlFor="i-org">{t("sourceOrganisation")}</label>
              <input id="i-org" name="sourceOrganisation" type="text" />
            </div>
            <div className="field">
              <label htmlFor="i-title">{t("sourceTitle")}</label>
              <input id="i-title" name="sourceTitle" type="text" />
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="i-url">{t("sourceUrl")}</label>
              <input id="i-url" name="sourceUrl" type="url" />
            </div>
            <div className="field">
              <label htmlFor="i-date">{t("sourceDate")}</label>
              <input id="i-date" name="sourceDate" type="date" />
            </div>
          </div>
        </fieldset>
        <div className="field-row">
          <div className="field">
            <label htmlFor="i-year">{t("year")}</label>
            <input id="i-year" name="year" type="text" inputMode="numeric" placeholder="2024" {...fieldProps("year", "i-year-hint")} />
            <small className="hint" id="i-year-hint">
              {t("yearHint")}
            </small>
            {fieldError("year")}
          </div>
          <div className="field">
            <label htmlFor="i-level">{t("level")}</label>
            <select id="i-level" name="level" defaultValue="" {...fieldProps("level")}>
              <option value="">{t("levelAuto")}</option>
              <option value="1">{t("level1")}</option>
              <option value="2">{t("level2")}</option>
            </select>
            {fieldError("level")}
          </div>
        </div>
        {showMapping && report?.status === "invalid_file" && report.columns && (
          <fieldset className="source-fields" aria-describedby={at === "mapping" ? "i-mapping-error" : undefined}>
            <legend>{tagged ? t("mapColumnsTagged") : t("problemField.mapping")}</legend>
            {fieldError("mapping")}
            {report.columns.map((c) => (
              <div className="field" key={c.header}>
                <label htmlFor={`map-${c.header}`}>{c.header}</label>
                <select id={`map-${c.header}`} value={roles[c.header] ?? ""} onChange={(e) => setRoles((r) => ({ ...r, [c.header]: e.target.value as Role }))}>
                  <option value="">{t("ignore")}</option>
                  <option value="regionCode">{t("roleRegionCode")}</option>
                  <option value="regionName">{t("roleRegionName")}</option>
                  <option value="date">{t("roleDate")}</option>
                  <option value="start">{t("roleStart")}</option>
                  <option value="end">{t("roleEnd")}</option>
                  <option value="year">{t("roleYear")}</option>
                  {indicators.map((i) => (
                    <option key={i.code} value={`value:${i.code}`}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div className="field">
              <label htmlFor="i-save-mapping">{t("saveMappingAs")}</label>
              <input id="i-save-mapping" name="saveMappingAs" type="text" maxLength={100} />
              <small className="hint">{t("saveMappingHint")}</small>
            </div>
          </fieldset>
        )}
        <button type="submit" className="primary" disabled={progress !== null}>
          {t("preview")}
        </button>
        {progress !== null && (
          <p>
            <label htmlFor="i-progress">{t("uploading")}</label> <progress id="i-progress" max={1} value={progress} />
          </p>
        )}
      </form>
      <div role="status" aria-live="polite">
        {error && <p className="form-error">{error}</p>}
        {problem && at && <p className="form-error">{t("problemAt", { field: t(`problemField.${at}`) })}</p>}
        {report && !problem && <ReportView report={report} names={{ indicators, regions, datasets }} onCommit={form && report.status === "preview" && report.counts.create + report.counts.update > 0 ? () => submit(form, false) : null} />}
      </div>
    </>
  );
}

/**
 * A recognised publication fills the source fields the user left empty, and the dataset (the user sees,
 * and may change, what the import will cite; what the user typed is kept).
 */
function fillSource(form: HTMLFormElement | null, publication: NonNullable<Extract<Report, { changes: unknown }>["publication"]>) {
  if (!form) return;
  const fields = { sourceOrganisation: publication.source.organisation, sourceTitle: publication.source.title, sourceUrl: publication.source.url, sourceDate: publication.source.date, dataset: publication.dataset };
  for (const [name, value] of Object.entries(fields)) {
    const field = form.elements.namedItem(name);
    if (value && (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.value === "") field.value = value;
  }
}

/** A problem of the whole file in the reader's language (lib/import/problems.ts). */
function problemMessage(t: ReturnType<typeof useTranslations<"imports">>, problem: ImportProblem): string {
  switch (problem.code) {
    case "not_table":
      return t("problem.not_table", { kind: t(`problem.kind.${problem.kind}`) });
    case "no_indicator_tag":
      return t("problem.no_indicator_tag", { tags: problem.tags.join(", "), count: problem.tags.length });
    case "no_cercles":
      return t("problem.no_cercles", { publication: problem.publication });
    default:
      return t(`problem.${problem.code}`);
  }
}

type Change = Extract<Report, { changes: unknown }>["changes"][number];

function ReportView({ report, names, onCommit }: { report: Report; names: Names; onCommit: (() => void) | null }) {
  const t = useTranslations("imports");
  const locale = useLocale();
  // Names in the reader's language; the report's own (English) where the page has none.
  const indicatorName = useMemo(() => new Map(names.indicators.map((i) => [i.code, i.name])), [names.indicators]);
  const regionName = useMemo(() => new Map(names.regions.map((r) => [r.pcode, r.name])), [names.regions]);
  if (report.status === "invalid_file") return <p className="form-error">{t("invalidFile", { reason: report.reason })}</p>;
  const { counts } = report;
  const figureText = (c: Change) =>
    `${indicatorName.get(c.indicator) ?? c.indicatorName} · ${regionName.get(c.region) ?? c.regionName} · ${formatPeriod(c.periodStart, c.periodEnd, locale)}${c.disaggregation ? ` · ${Object.values(c.disaggregation).join(" ")}` : ""}`;
  const words = (c: Change) =>
    changeParts(c, (v) => previewValue(v, c.unit, locale))
      .map((p) => t(`change.${p.key}`, p.values))
      .join(t("change.separator"));
  const action = (c: Change) => (c.action === "create" ? t("action_create") : c.kind === "value" ? t("action_update") : t(`action_${c.kind}`));
  const byDataset = report.datasets
    .map((d) => ({ dataset: d, changes: report.changes.filter((c) => c.dataset === d.code) }))
    .filter((g) => g.changes.length > 0);
  return (
    <section className="import-report" aria-labelledby="report-title">
      <h2 id="report-title">{t(`status.${report.status}`)}</h2>
      <p>{t("summary", { file: report.fileName, mapping: report.mappingName, rows: report.rows, ...counts })}</p>
      {report.datasets.length > 0 && (
        <ul className="dataset-counts" aria-label={t("byDataset")}>
          {report.datasets.map((d) => (
            <li key={d.code}>{t("intoDataset", { ...d })}</li>
          ))}
        </ul>
      )}
      {report.held > 0 && <p className="notice">{t("heldNotice", { held: report.held })}</p>}
      {report.publication && <p className="import-publication">{t("publicationFilled", { name: report.publication.name, dataset: report.publication.dataset })}</p>}
      {report.savedMapping && <p>{t("mappingSaved", { name: report.savedMapping })}</p>}
      {report.status === "committed" && report.importId !== null && <Link href={`/imports/${report.importId}`}>{t("openImport", { id: report.importId })}</Link>}
      {onCommit && (
        <button type="button" className="primary" onClick={onCommit}>
          {t("commit", { count: counts.create + counts.update })}
        </button>
      )}
      {report.errors.length > 0 && (
        <TableScroll focusable>
          <table>
            <caption>{report.errorsOmitted ? t("invalidRowsFirst", { shown: report.errors.length, more: report.errorsOmitted }) : t("invalidRows")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("line")}</th>
                <th scope="col">{t("column")}</th>
                <th scope="col">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={`${e.line}-${e.column}-${e.reason}`}>
                  <td>{e.line}</td>
                  <td>{e.column}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {byDataset.length > 0 && (
        <TableScroll focusable>
          <table className="import-changes">
            <caption>{t("changes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("line")}</th>
                <th scope="col">{t("figure")}</th>
                <th scope="col">{t("whatChanges")}</th>
              </tr>
            </thead>
            {byDataset.map(({ dataset, changes }) => (
              <tbody key={dataset.code} data-dataset={dataset.code}>
                <tr>
                  <th scope="rowgroup" colSpan={4}>{`${dataset.name} (${dataset.code})`}</th>
                </tr>
                {changes.map((c) => (
                  <tr key={`${c.lines[0]}-${c.indicator}-${c.region}-${c.periodStart}-${JSON.stringify(c.disaggregation)}`} data-kind={c.action === "create" ? "create" : c.kind}>
                    <td>{action(c)}</td>
                    <td>{c.lines.length > 1 ? `${c.lines[0]}–${c.lines.at(-1)}` : c.lines[0]}</td>
                    <td>{figureText(c)}</td>
                    <td>{words(c)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableScroll>
      )}
    </section>
  );
}
