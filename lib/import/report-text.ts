// An import report as lines of text, for the CLI: the same words as the
// import page's preview (messages/en.json "imports"), in English.
import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import type { ImportReport } from "../data/import-run";
import { changeParts, previewValue } from "./change-words";

/** The changes a report prints in words (the counts cover them all). */
export const CHANGES_LISTED = 20;

const t = createTranslator({ locale: "en", messages: en, namespace: "imports" });

type Changes = Extract<ImportReport, { changes: unknown }>["changes"];

/** "IDPs, Mali, 2014-12-31 (phase 3, projected)". */
function figureText(c: Changes[number]): string {
  const period = c.periodStart === c.periodEnd ? c.periodStart : `${c.periodStart} – ${c.periodEnd}`;
  const d = c.disaggregation;
  const breakdown = d ? [d.chPhase !== undefined ? `phase ${d.chPhase}` : null, d.chStatus ?? null, d.sector ?? null].filter(Boolean).join(", ") : "";
  return `${c.indicatorName}, ${c.regionName}, ${period}${breakdown ? ` (${breakdown})` : ""}`;
}

export function changeText(c: Changes[number]): string {
  return changeParts(c, (v) => previewValue(v, c.unit, "en"))
    .map((p) => t(`change.${p.key}`, p.values as Record<string, string>))
    .join(t("change.separator"));
}

export function reportText(r: ImportReport): string {
  if (r.status === "invalid_file") return `${r.fileName}: ${r.reason}`;
  const lines = [
    `${r.fileName} (${r.mappingName}): ${r.rows} rows → ${r.counts.create} to create, ${r.counts.update} to update, ${r.counts.unchanged} unchanged, ${r.counts.invalid} invalid, ${r.counts.skipped} skipped`,
    ...r.datasets.map((d) => `  ${t("intoDataset", { ...d })}`),
    ...(r.held > 0 ? [`  ${t("heldNotice", { held: r.held })}`] : []),
    ...r.errors.map((e) => `  line ${e.line}, column "${e.column}": ${e.reason}`),
    ...(r.errorsOmitted ? [`  … and ${r.errorsOmitted} more errors`] : []),
  ];
  if (r.status !== "invalid_rows") {
    const listed = r.changes.slice(0, CHANGES_LISTED);
    for (const c of listed) lines.push(`  line ${c.lines.length > 1 ? `${c.lines[0]}–${c.lines.at(-1)}` : c.lines[0]}, ${figureText(c)} [${c.dataset}]: ${changeText(c)}`);
    const more = r.counts.create + r.counts.update - listed.length;
    if (more > 0) lines.push(`  … and ${more} more changes`);
  }
  if (r.status === "invalid_rows") lines.push("Refused: nothing was written. Fix the rows above and import the file again.");
  if (r.status === "preview") lines.push("Dry run: nothing was written.");
  if (r.status === "unchanged") lines.push("Nothing to change: every figure is already as in the file.");
  if (r.status === "committed") lines.push(`Committed as import ${r.importId}.`);
  if (r.savedMapping) lines.push(`The mapping was saved as "${r.savedMapping}": files laid out like this one will use it.`);
  return lines.join("\n");
}
