// What an import does to one figure, in words: a value change is told apart
// from a change of source or note only ("the value stays 230,000; the source
// changes from … to …"). Pure: the page says the parts in the reader's
// language (messages "imports.change"), the CLI in English, from the same parts.

export interface SourceRef {
  organisation: string;
  title: string;
  url: string;
  date: string;
}

/** What a change does to the figure: its value (a new figure counts as one), else its source, else only its note. */
export type ChangeKind = "value" | "source" | "note";

export interface ChangeFacts {
  value: number;
  sourceDetail: SourceRef;
  /** The note the figure will have (a row without a note keeps the stored one). */
  note: string | null;
  old: { value: number; sourceDetail: SourceRef; note: string | null } | null;
}

const sameSource = (a: SourceRef, b: SourceRef) => a.organisation === b.organisation && a.title === b.title && a.url === b.url && a.date === b.date;

export function changeKind(c: ChangeFacts): ChangeKind {
  if (!c.old || c.old.value !== c.value) return "value";
  if (!sameSource(c.old.sourceDetail, c.sourceDetail)) return "source";
  return "note";
}

export type ChangePart =
  | { key: "created"; values: { value: string } }
  | { key: "valueChanges"; values: { from: string; to: string } }
  | { key: "valueStays"; values: { value: string } }
  | { key: "sourceChanges"; values: { from: string; to: string } }
  | { key: "noteChanges"; values: { from: string; to: string } }
  | { key: "noteAdded"; values: { to: string } };

/** A source as one line: organisation — title (date); with its URL when that is all two sources differ by. */
export function sourceText(s: SourceRef, other?: SourceRef): string {
  const text = `${s.organisation} — ${s.title} (${s.date})`;
  const otherText = other && `${other.organisation} — ${other.title} (${other.date})`;
  return otherText === text && other!.url !== s.url ? `${text} <${s.url || "no URL"}>` : text;
}

/** The parts of the sentence that says what the change does, in order; `format` writes a value. */
export function changeParts(c: ChangeFacts, format: (value: number) => string): ChangePart[] {
  if (!c.old) return [{ key: "created", values: { value: format(c.value) } }];
  const parts: ChangePart[] = [
    c.old.value === c.value ? { key: "valueStays", values: { value: format(c.value) } } : { key: "valueChanges", values: { from: format(c.old.value), to: format(c.value) } },
  ];
  if (!sameSource(c.old.sourceDetail, c.sourceDetail)) {
    parts.push({ key: "sourceChanges", values: { from: sourceText(c.old.sourceDetail, c.sourceDetail), to: sourceText(c.sourceDetail, c.old.sourceDetail) } });
  }
  if ((c.note ?? "") !== (c.old.note ?? "")) {
    parts.push(c.old.note ? { key: "noteChanges", values: { from: c.old.note, to: c.note ?? "" } } : { key: "noteAdded", values: { to: c.note ?? "" } });
  }
  return parts;
}

/**
 * A value as the preview writes it: people and counts exactly (a Cadre
 * Harmonisé estimate may hold a fraction; a change of it must show), money and
 * percentages as the dashboards do.
 */
export function previewValue(value: number, unit: string, locale: string): string {
  if (unit === "usd") return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value);
  if (unit === "percent") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}
