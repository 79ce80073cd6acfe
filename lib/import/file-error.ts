/** What a file that is no table at all looks like, by its content (lib/import/file-kind.ts). */
export type NotTableKind = "pdf" | "image" | "word" | "powerpoint" | "zip" | "html" | "binary";

/** The file cannot be read at all: the message is shown to the user as is. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
  /** "not_table": neither CSV nor Excel (the form says so in the reader's language, with `kind`). */
  readonly code?: "not_table";
  readonly kind?: NotTableKind;
  constructor(message: string, notTable?: NotTableKind) {
    super(message);
    if (notTable) {
      this.code = "not_table";
      this.kind = notTable;
    }
  }
}
