import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ARCHIVE_LIMITS, MAX_COLUMNS } from "./limits";
import { guessDelimiter, ImportFileError, readTable } from "./read-table";
import { deflatedEntry, zerosEntry, zipArchive } from "./test-zip";

const bytes = (text: string) => new TextEncoder().encode(text);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readTable: CSV", () => {
  it("reads UTF-8 with BOM and CRLF, trims cells, skips empty rows and gives the lines an editor shows", async () => {
    const t = await readTable(bytes("\uFEFFRégion , PDI\r\n\r\n Ségou ,54885\r\n,\r\nMopti,\"1\r\n2\"\r\nGao,3\r\n"), "a.csv");
    expect(t.rows).toEqual([["Région", "PDI"], ["Ségou", "54885"], ["Mopti", "1\r\n2"], ["Gao", "3"]]);
    expect(t.lineNumbers).toEqual([1, 3, 5, 7]);
    expect(t.delimiter).toBe(",");
  });

  it("detects semicolons (French Excel) with quoted delimiters inside fields, and title rows above", async () => {
    const t = await readTable(bytes('Déplacés internes – Mali;;\n\nRégion;Date;"Note; avec, virgule"\nKayes;2021-09-30;"1,5; a"\n'), "b.csv");
    expect(t.delimiter).toBe(";");
    expect(t.rows).toEqual([["Déplacés internes – Mali", "", ""], ["Région", "Date", "Note; avec, virgule"], ["Kayes", "2021-09-30", "1,5; a"]]);
    expect(t.lineNumbers).toEqual([1, 3, 4]);
  });

  it("keeps commas as the delimiter when the semicolons are inside quotes", () => {
    expect(guessDelimiter('name,value\n"a;b;c;d",1\n"e;f",2\n')).toBe(",");
    expect(guessDelimiter("\n\nname;value;x\n1;2,5;3\n")).toBe(";");
  });

  it("reads Windows-1252 text (French Excel's plain CSV)", async () => {
    const t = await readTable(Uint8Array.from([0x53, 0xe9, 0x67, 0x6f, 0x75, 0x3b, 0x31, 0x0a]), "c.csv"); // "Ségou;1"
    expect(t.rows).toEqual([["Ségou", "1"]]);
  });

  it("refuses what it cannot read, with a message for the user", async () => {
    await expect(readTable(bytes(""), "empty.csv")).rejects.toThrow(new ImportFileError("empty.csv is empty"));
    await expect(readTable(bytes("\n\n ;; \n"), "blank.csv")).rejects.toThrow("blank.csv has no rows");
    await expect(readTable(Uint8Array.from([0x00, 0x01, 0x02, 0x9f, 0x41]), "x.csv")).rejects.toThrow("x.csv is not a CSV or Excel file");
    await expect(readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old.xls")).rejects.toThrow(/Excel 97–2003 \(\.xls\).*save it as \.xlsx/);
    await expect(readTable(bytes("a,b\n"), "renamed.xlsx")).rejects.toThrow("not an Excel workbook");
    await expect(readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx")).rejects.toBeInstanceOf(ImportFileError);
    await expect(readTable(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), "u16.csv")).rejects.toThrow("UTF-16");
  });
});

describe("readTable: XLSX", () => {
  it("reads the first sheet with data, whatever the file is called", async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet("Notes");
      const ws = wb.addWorksheet("Données");
      ws.getCell("A2").value = "Titre";
      ws.getCell("A4").value = "Région";
      ws.getCell("B4").value = "Date";
      ws.getCell("A5").value = { richText: [{ text: "Sé" }, { text: "gou " }] };
      ws.getCell("B5").value = new Date(Date.UTC(2021, 8, 30));
    });
    const t = await readTable(data, "upload.bin");
    expect(t).toEqual({ rows: [["Titre"], ["Région", "Date"], ["Ségou", "2021-09-30"]], lineNumbers: [2, 4, 5], sheet: "Données" });
  });

  it("writes numbers as plain decimals, percent cells as shown, and errors as themselves", async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet("s");
      ws.addRow([2.5e22, 2506.7872991470199, 1e-7, 0.437, { error: "#N/A" }]);
      ws.getCell("D1").numFmt = "0.0%";
    });
    expect((await readTable(data, "n.xlsx")).rows[0]).toEqual(["25000000000000000000000", "2506.78729914702", "0.0000001", "43.7", "#N/A"]);
  });

  it("gives formulas their saved result, adds up uncached A1+B1 (shared) formulas, and shows any other as =FORMULA", async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet("s");
      ws.addRow(["a", "b", "sum"]);
      ws.addRow([1, 2, { formula: "A2+B2" }]); // master of a shared formula, no cached result
      ws.addRow([3.25, 4, { sharedFormula: "C2" }]); // "A3+B3"
      ws.addRow([5, 6, { formula: "A4*B4", result: 30 }]);
      ws.addRow([7, 8, { formula: "VLOOKUP(A5,X:Y,2)" }]);
      ws.addRow([9, 1, { formula: "$A$6+B6" }]);
    });
    const t = await readTable(data, "f.xlsx");
    expect(t.rows.map((r) => r[2])).toEqual(["sum", "3", "7.25", "30", "=VLOOKUP(A5,X:Y,2)", "10"]);
  });
});

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
/** The parts of a minimal workbook, for archives that add a bomb beside them. */
const workbookParts = () => [
  deflatedEntry("[Content_Types].xml", xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')),
  deflatedEntry("xl/workbook.xml", xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')),
];

describe("readTable: limits (decompression bombs, huge tables)", () => {
  it("refuses a 1 MB workbook holding a 1 GiB image from its declared sizes, without inflating it", { timeout: 30_000 }, async () => {
    const image = await zerosEntry("xl/media/image1.png", 1024 ** 3);
    const data = zipArchive([...workbookParts(), image]);
    expect(data.length).toBeLessThan(1.1 * 1024 * 1024);
    const started = performance.now();
    const error = await readTable(data, "bomb.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/^bomb\.xlsx unpacks to more than 1,025 MB, more than the 40 MB a workbook may hold here: save the sheet with the figures as CSV/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses sheet XML past the limit even at an ordinary compression ratio", async () => {
    // Stored (not compressed): a sheet of 41 MB, ratio 1.
    const sheet = Buffer.alloc(ARCHIVE_LIMITS.maxUnpackedBytes + 1024 * 1024, 0x20);
    const data = zipArchive([...workbookParts(), { name: "xl/worksheets/sheet1.xml", stored: sheet, deflated: false, declaredSize: sheet.length, crc: crc32(sheet) }]);
    await expect(readTable(data, "wide.xlsx")).rejects.toThrow(/^wide\.xlsx unpacks to more than 42 MB, more than the 40 MB/);
  });

  it("refuses an entry compressed more than 100 times, and one that inflates past the size it declares", async () => {
    const dense = await zerosEntry("xl/worksheets/sheet1.xml", 8 * 1024 * 1024);
    await expect(readTable(zipArchive([...workbookParts(), dense]), "dense.xlsx")).rejects.toThrow(/^dense\.xlsx holds "xl\/worksheets\/sheet1\.xml", compressed [\d,]+ times \(a workbook's parts compress at most 100 times\): it was not read$/);
    // The same 8 MB declared as 20 KB: nothing to see in the directory, caught while inflating.
    const liar = { ...dense, declaredSize: 20 * 1024 };
    const error = await readTable(zipArchive([...workbookParts(), liar]), "liar.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/^liar\.xlsx: "xl\/worksheets\/sheet1\.xml" unpacks to more than the 20 KB it declares: the file is damaged or was made to look smaller than it is$/);
  });

  it("refuses an archive of more files than a workbook has", async () => {
    const many = Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => deflatedEntry(`xl/media/${i}.txt`, Buffer.from("x")));
    await expect(readTable(zipArchive(many), "many.xlsx")).rejects.toThrow("many.xlsx holds 1,001 files in its archive, more than the 1,000 a workbook may hold here");
  });

  it("refuses a CSV of 2 million columns at the column limit, with a short message", async () => {
    const wide = bytes(`${"a,".repeat(2_000_000)}a\n1,2\n`);
    const started = performance.now();
    const error = await readTable(wide, "wide.csv").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe(`wide.csv has a row of more than ${MAX_COLUMNS} columns (line 1): a table of figures has far fewer; remove the empty or extra columns`);
    expect(performance.now() - started).toBeLessThan(3000);
    // At the limit, read as usual.
    expect((await readTable(bytes(`${"a,".repeat(MAX_COLUMNS - 1)}a\n`), "ok.csv")).rows[0]).toHaveLength(MAX_COLUMNS);
  });

  it("refuses an XLSX row past the column limit", async () => {
    const data = await xlsx((wb) => wb.addWorksheet("s").addRow(Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => i)));
    await expect(readTable(data, "wide.xlsx")).rejects.toThrow(`wide.xlsx has a row of more than ${MAX_COLUMNS} columns (row 1)`);
  });
});

describe("readTable: files that are not tables", () => {
  // Real files' first bytes (the magic numbers): whatever the name, the content decides.
  const PDF = bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
  const notTable = async (data: Uint8Array, name: string, kind: string) => {
    const error = await readTable(data, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: "not_table", kind });
    expect((error as Error).message).toContain("is not a CSV or Excel file");
  };

  it("a PDF, a PNG or a JPEG is 'not a CSV or Excel file', named .csv or .xlsx or not", async () => {
    await notTable(PDF, "bulletin.pdf", "pdf");
    await notTable(PDF, "bulletin.csv", "pdf");
    await notTable(PNG, "map.png", "image");
    await notTable(PNG, "map.xlsx", "image");
    await notTable(JPEG, "photo.csv", "image");
  });

  it("a ZIP that is not a workbook (a Word document, a plain archive) is not one either; an XLSX renamed .csv is read", async () => {
    const docx = zipArchive([deflatedEntry("[Content_Types].xml", Buffer.from("<Types/>")), deflatedEntry("word/document.xml", Buffer.from("<w:document/>"))]);
    await notTable(docx, "report.docx", "word");
    await notTable(docx, "report.xlsx", "word");
    await notTable(zipArchive([deflatedEntry("data.csv", Buffer.from("a,b\n1,2\n"))]), "data.zip", "zip");
    const real = await xlsx((wb) => wb.addWorksheet("S").addRow(["Région", "PDI"]));
    expect((await readTable(real, "renamed.csv")).rows).toEqual([["Région", "PDI"]]);
  });

  it("other binary bytes and an old Word file are not tables; an old .xls keeps its own advice", async () => {
    await notTable(Uint8Array.from([0x00, 0x01, 0x02, 0x9f, 0x41]), "x.csv", "binary");
    await notTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old.doc", "binary");
    await expect(readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "old.xls")).rejects.toThrow(/Excel 97–2003/);
  });
});
