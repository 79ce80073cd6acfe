"use client";

// Add or edit one figure. The browser checks the same schema as the server
// before sending; the server's answer (duplicate, outlier, someone else's
// newer version) is shown without losing what the analyst typed.
import { useMemo, useState, useTransition, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { saveFigure, type SaveResult } from "@/app/figures/actions";
import { coversPeriodByDefault, EMPTY_FORM, readFigureForm, type FigureFormValues, type ValueMessage } from "@/lib/domain/figure-form";
import { formatDate, formatValue, type UnitCode } from "@/lib/domain/format";
import { fieldErrors, figureInputSchema, type FieldErrors, type IndicatorRule } from "@/lib/validation/figure-input";

export interface FormIndicator extends IndicatorRule {
  code: string;
  name: string;
  theme: string;
  unitLabel: string;
}
export interface FormRegion {
  pcode: string;
  name: string;
  level: number;
}
export interface FormSource {
  organisation: string;
  title: string;
  url: string;
  date: string;
  /** The dataset the source is a publication of. */
  dataset: string;
}
export interface FormDataset {
  code: string;
  name: string;
}
/** The datasets of the user's recent figures, then the others. */
export interface FormDatasets {
  recent: FormDataset[];
  others: FormDataset[];
  /** The figure may go to its source organisation's dataset (an empty choice); false for a writer limited to datasets. */
  fromSource: boolean;
}

interface Props {
  indicators: FormIndicator[];
  regions: FormRegion[];
  datasets: FormDatasets;
  recentSources: FormSource[];
  initial?: Partial<FigureFormValues>;
  figureId?: number;
  version?: number;
  /** The stored value of the figure being edited: kept as it is, it is not judged again. */
  storedValue?: number;
  /** The datasets that need review: writing to one saves a draft or submits it for review. */
  reviewDatasets?: string[];
}

type Notice = Exclude<SaveResult, { status: "saved" } | { status: "invalid" }> | null;

export function FigureForm({ indicators, regions, datasets, recentSources, initial, figureId, version: initialVersion, storedValue, reviewDatasets = [] }: Props) {
  const t = useTranslations("figureForm");
  const te = useTranslations("figureErrors");
  const locale = useLocale();
  const router = useRouter();
  // Without the source's dataset to fall back on, the first dataset offered is chosen.
  const [values, setValues] = useState<FigureFormValues>(() => {
    const start = { ...EMPTY_FORM, ...initial };
    return datasets.fromSource || start.dataset ? start : { ...start, dataset: datasets.recent[0]?.code ?? datasets.others[0]?.code ?? "" };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  // A value that cannot be read in the form's language, with its readings.
  const [valueProblem, setValueProblem] = useState<ValueMessage | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [version, setVersion] = useState(initialVersion);
  const [pending, startTransition] = useTransition();

  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const datasetCodes = useMemo(() => new Set([...datasets.recent, ...datasets.others].map((d) => d.code)), [datasets]);
  const schema = useMemo(() => figureInputSchema(byCode, new Set(regions.map((r) => r.pcode)), { storedValue, datasets: datasetCodes }), [byCode, regions, storedValue, datasetCodes]);
  const indicator = byCode.get(values.indicator);

  const set = <K extends keyof FigureFormValues>(key: K, value: FigureFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const onIndicator = (code: string) => {
    const next = byCode.get(code);
    setValues((v) => ({ ...v, indicator: code, isRange: next ? coversPeriodByDefault(next.theme) : v.isRange }));
  };

  // Where the figure is or where it goes needs review: it is saved as a draft or submitted, never published at once.
  const needsReview = reviewDatasets.includes(values.dataset) || (!!initial?.dataset && reviewDatasets.includes(initial.dataset));
  const [draft, setDraft] = useState(false);

  function submit(confirmOutlier = false, overVersion = version, asDraft = draft) {
    const { input, valueProblem: problem } = readFigureForm(values, locale);
    const checked = schema.safeParse(input);
    setValueProblem(problem);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      setNotice(null);
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await saveFigure({ id: figureId, version: overVersion, values: input, confirmOutlier, draft: needsReview && asDraft }).catch((): SaveResult => ({ status: "failed" }));
      if (result.status === "saved") {
        router.push(`/figures/${result.id}`);
        router.refresh();
      } else if (result.status === "invalid") {
        setErrors(result.errors);
        setNotice(null);
      } else {
        setNotice(result);
      }
    });
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed says whether to keep a draft (Enter in a field submits for review).
    const asDraft = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "draft";
    setDraft(asDraft);
    submit(false, version, asDraft);
  };

  const errorCount = Object.keys(errors).length;
  const fieldError = (path: string) => errors[path];
  // A whole source missing is said once, above the source fields; its required fields point to it.
  const sourceMissing = !!errors.source && ["source.organisation", "source.title", "source.date"];
  const errorId = (path: string) => (fieldError(path) ? `err-${path.replace(".", "-")}` : sourceMissing && sourceMissing.includes(path) ? "err-source" : undefined);
  const describedBy = (path: string) => errorId(path);
  const errorText = (path: string) => {
    const key = fieldError(path);
    // The value's own reading problem says more than "not a number".
    const message = path === "value" && valueProblem ? te(valueProblem.key, valueProblem.values) : key ? te(key) : null;
    return message ? (
      <p id={`err-${path.replace(".", "-")}`} className="field-error">
        {message}
      </p>
    ) : null;
  };
  const field = (path: string, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`f-${path.replace(".", "-")}`}>{label}</label>
      {control}
      {hint && <small className="hint">{hint}</small>}
      {errorText(path)}
    </div>
  );
  const inputProps = (path: string) => ({
    id: `f-${path.replace(".", "-")}`,
    "aria-invalid": errorId(path) ? true : undefined,
    "aria-describedby": describedBy(path),
  });

  return (
    <form className="figure-form card" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <div role="alert" aria-live="assertive" className="form-error">
        {errorCount > 0 && t("errorsSummary", { count: errorCount })}
      </div>
      <NoticeBox notice={notice} onConfirmOutlier={() => submit(true)} onOverwrite={(v) => { setVersion(v); submit(false, v); }} values={values} indicator={indicator} />

      {field(
        "indicator",
        t("indicator"),
        <select {...inputProps("indicator")} value={values.indicator} onChange={(e) => onIndicator(e.target.value)}>
          <option value="">{t("chooseOne")}</option>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "region",
        t("region"),
        <select {...inputProps("region")} value={values.region} onChange={(e) => set("region", e.target.value)}>
          <option value="">{t("chooseOne")}</option>
          {regions.map((r) => (
            <option key={r.pcode} value={r.pcode}>
              {`${"\u2003".repeat(r.level)}${r.name} (${r.pcode})`}
            </option>
          ))}
        </select>,
      )}
      <div className="field">
        <label className="inline">
          <input type="checkbox" checked={values.isRange} onChange={(e) => set("isRange", e.target.checked)} /> {t("isRange")}
        </label>
      </div>
      <div className="field-row">
        {field("periodStart", values.isRange ? t("startDate") : t("date"), <input type="date" {...inputProps("periodStart")} value={values.periodStart} onChange={(e) => set("periodStart", e.target.value)} />)}
        {values.isRange && field("periodEnd", t("endDate"), <input type="date" {...inputProps("periodEnd")} value={values.periodEnd} onChange={(e) => set("periodEnd", e.target.value)} />)}
      </div>
      {field(
        "value",
        t("value"),
        <input type="text" inputMode="decimal" autoComplete="off" {...inputProps("value")} value={values.value} onChange={(e) => set("value", e.target.value)} />,
        indicator ? t("valueHint", { unit: indicator.unitLabel }) : undefined,
      )}
      {indicator?.disaggregation === "ch_phase_status" &&
        field(
          "disaggregation.chPhase",
          t("chPhase"),
          <select {...inputProps("disaggregation.chPhase")} value={values.chPhase} onChange={(e) => set("chPhase", e.target.value)}>
            <option value="">{t("chooseOne")}</option>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>,
        )}
      {(indicator?.disaggregation === "ch_phase_status" || indicator?.disaggregation === "ch_status") &&
        field(
          "disaggregation.chStatus",
          t("chStatus"),
          <select {...inputProps("disaggregation.chStatus")} value={values.chStatus} onChange={(e) => set("chStatus", e.target.value)}>
            <option value="">{t("chooseOne")}</option>
            <option value="current">{t("current")}</option>
            <option value="projected">{t("projected")}</option>
          </select>,
        )}
      {indicator?.disaggregation === "sector" &&
        field("disaggregation.sector", t("sector"), <input type="text" {...inputProps("disaggregation.sector")} value={values.sector} onChange={(e) => set("sector", e.target.value)} />, t("sectorHint"))}

      <fieldset className="source-fields">
        <legend>{t("source")}</legend>
        {recentSources.length > 0 && (
          <div className="field">
            <label htmlFor="f-recent">{t("recentSources")}</label>
            <select
              id="f-recent"
              value=""
              onChange={(e) => {
                const s = recentSources[Number(e.target.value)];
                if (s) setValues((v) => ({ ...v, dataset: s.dataset, sourceOrganisation: s.organisation, sourceTitle: s.title, sourceUrl: s.url, sourceDate: s.date }));
              }}
            >
              <option value="">{t("chooseOne")}</option>
              {recentSources.map((s, i) => (
                <option key={`${s.organisation}|${s.title}|${s.date}`} value={i}>
                  {`${s.organisation} — ${s.title} (${s.date})`}
                </option>
              ))}
            </select>
          </div>
        )}
        {field(
          "dataset",
          t("dataset"),
          <select {...inputProps("dataset")} value={values.dataset} onChange={(e) => set("dataset", e.target.value)}>
            {datasets.fromSource && <option value="">{t("datasetDefault")}</option>}
            {datasets.recent.length > 0 && (
              <optgroup label={t("datasetsRecent")}>
                {datasets.recent.map((d) => (
                  <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
                ))}
              </optgroup>
            )}
            <optgroup label={datasets.recent.length > 0 ? t("datasetsOther") : t("datasetsAll")}>
              {datasets.others.map((d) => (
                <option key={d.code} value={d.code}>{`${d.name} (${d.code})`}</option>
              ))}
            </optgroup>
          </select>,
          t("datasetHint"),
        )}
        {errorText("source")}
        {field("source.organisation", t("sourceOrganisation"), <input type="text" {...inputProps("source.organisation")} value={values.sourceOrganisation} onChange={(e) => set("sourceOrganisation", e.target.value)} />)}
        {field("source.title", t("sourceTitle"), <input type="text" {...inputProps("source.title")} value={values.sourceTitle} onChange={(e) => set("sourceTitle", e.target.value)} />)}
        {field("source.url", t("sourceUrl"), <input type="url" {...inputProps("source.url")} value={values.sourceUrl} onChange={(e) => set("sourceUrl", e.target.value)} />)}
        {field("source.date", t("sourceDate"), <input type="date" {...inputProps("source.date")} value={values.sourceDate} onChange={(e) => set("sourceDate", e.target.value)} />)}
      </fieldset>
      {field("note", t("note"), <textarea {...inputProps("note")} rows={3} value={values.note} onChange={(e) => set("note", e.target.value)} />)}

      <div className="form-actions">
        {needsReview ? (
          <>
            <button type="submit" className="primary" name="intent" value="submit" disabled={pending}>
              {t("submitForReview")}
            </button>
            <button type="submit" className="button-secondary" name="intent" value="draft" disabled={pending}>
              {t("saveDraft")}
            </button>
            {pending && <span role="status">{t("saving")}</span>}
          </>
        ) : (
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </button>
        )}
        <Link href={figureId ? `/figures/${figureId}` : "/figures"}>{t("cancel")}</Link>
      </div>
    </form>
  );
}

function NoticeBox({
  notice,
  onConfirmOutlier,
  onOverwrite,
  values,
  indicator,
}: {
  notice: Notice;
  onConfirmOutlier: () => void;
  onOverwrite: (version: number) => void;
  values: FigureFormValues;
  indicator: FormIndicator | undefined;
}) {
  const t = useTranslations("figureForm");
  const tDb = useTranslations("database");
  const locale = useLocale();
  if (!notice) return null;
  const unit = (indicator?.unit ?? "count") as UnitCode;
  const fmt = (n: number) => formatValue(n, unit, locale);
  switch (notice.status) {
    case "duplicate":
      return (
        <div className="notice" role="status">
          <p>{t("duplicate")}</p>
          {notice.existingId && <Link href={`/figures/${notice.existingId}/edit`}>{t("editExisting")}</Link>}
        </div>
      );
    case "outlier":
      return (
        <div className="notice" role="status">
          <p>{t(notice.change === "fall" ? "outlierFall" : "outlier", { value: values.value, previous: fmt(notice.previous.value), date: formatDate(notice.previous.periodEnd, locale) })}</p>
          <button type="button" className="button-secondary" onClick={onConfirmOutlier}>
            {t("saveAnyway")}
          </button>
        </div>
      );
    case "conflict":
      return (
        <div className="notice" role="status">
          <p>{t("conflict", { value: fmt(notice.current.value), source: `${notice.current.source.organisation} — ${notice.current.source.title}`, version: notice.current.version })}</p>
          <button type="button" className="button-secondary" onClick={() => onOverwrite(notice.current.version)}>
            {t("overwrite")}
          </button>{" "}
          <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </div>
      );
    case "forbidden":
      return <p className="form-error" role="status">{t("forbidden")}</p>;
    case "derived":
      return <p className="form-error" role="status">{t("derivedRefused")}</p>;
    case "outside_scope":
      return <p className="form-error" role="status">{t("outsideScope", { kind: notice.outside.kind, code: notice.outside.code })}</p>;
    case "read_only":
    case "unavailable":
      return <p className="form-error" role="status">{tDb(notice.status === "read_only" ? "readOnly" : "unavailable")}</p>;
    default:
      return <p className="form-error" role="status">{t("failed")}</p>;
  }
}
