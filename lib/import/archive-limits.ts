// An XLSX is a ZIP archive, and exceljs unpacks every entry into memory
// before reading a cell: a 1 MB file holding a 1 GiB image took a worker to
// 3.3 GB. So the archive is checked first, in two passes: the sizes its
// central directory declares (nothing inflated yet), then every entry
// inflated as a stream and counted, stopping at the limit or at the entry's
// declared size, because declared sizes can lie.
import yauzl, { type Entry } from "yauzl";
import { ARCHIVE_LIMITS } from "./limits";
import { ImportFileError } from "./file-error";

const KB = 1024;
const MB = 1024 * KB;
const mb = (bytes: number) => `${Math.ceil(bytes / MB).toLocaleString("en")} MB`;
const size = (bytes: number) => (bytes >= MB ? mb(bytes) : `${Math.ceil(bytes / KB).toLocaleString("en")} KB`);

/**
 * Throws an ImportFileError (the message is for the user) when the archive is malformed or unpacks past ARCHIVE_LIMITS;
 * else returns the names of its entries (whether it is a workbook at all).
 */
export async function checkArchive(data: Uint8Array, fileName: string, limits = ARCHIVE_LIMITS): Promise<string[]> {
  const tooLarge = (bytes: string) =>
    new ImportFileError(
      `${fileName} unpacks to ${bytes}, more than the ${mb(limits.maxUnpackedBytes)} a workbook may hold here: save the sheet with the figures as CSV (up to the upload limit), or split the workbook`,
    );
  const bomb = (entry: Entry, ratio: number) =>
    new ImportFileError(`${fileName} holds "${name(entry)}", compressed ${Math.round(ratio).toLocaleString("en")} times (a workbook's parts compress at most ${limits.maxRatio} times): it was not read`);
  const name = (entry: Entry) => entry.fileName.slice(0, 100);
  const ratioOf = (entry: Entry, bytes: number) => (bytes > limits.ratioGraceBytes ? bytes / Math.max(1, entry.compressedSize) : 0);

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  } catch (error) {
    throw new ImportFileError(`${fileName} is not a readable XLSX workbook (${(error as Error).message})`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ImportFileError(`${fileName} holds ${zip.entryCount.toLocaleString("en")} files in its archive, more than the ${limits.maxEntries.toLocaleString("en")} a workbook may hold here (Excel writes a few dozen)`);
    }
    // Pass 1: what the central directory declares.
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes) throw tooLarge(`more than ${mb(declared)}`);
      const ratio = ratioOf(entry, entry.uncompressedSize);
      if (ratio > limits.maxRatio) throw bomb(entry, ratio);
      entries.push(entry);
    }
    // Pass 2: what the entries really inflate to.
    let inflated = 0;
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry);
      let bytes = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          inflated += chunk.length;
          if (bytes > entry.uncompressedSize) {
            throw new ImportFileError(`${fileName}: "${name(entry)}" unpacks to more than the ${size(entry.uncompressedSize)} it declares: the file is damaged or was made to look smaller than it is`);
          }
          if (inflated > limits.maxUnpackedBytes) throw tooLarge(`more than ${mb(limits.maxUnpackedBytes)} (its declared sizes are wrong)`);
          const ratio = ratioOf(entry, bytes);
          if (ratio > limits.maxRatio) throw bomb(entry, ratio);
        }
      } finally {
        stream.destroy();
      }
      if (bytes !== entry.uncompressedSize) throw new ImportFileError(`${fileName}: "${name(entry)}" is shorter than it declares: the file is damaged`);
    }
    return entries.map((e) => e.fileName);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // yauzl or zlib: a malformed archive, an encrypted entry, corrupt deflate data.
    throw new ImportFileError(`${fileName} is not a readable XLSX workbook (${(error as Error).message})`);
  } finally {
    zip.close();
  }
}
