/** The file cannot be read at all: the message is shown to the user as is. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}
