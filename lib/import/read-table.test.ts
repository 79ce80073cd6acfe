import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { guessDelimiter, ImportFileError, readTable } from "./read-table";

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
    await expect(readTable(Uint8Array.from([0x00, 0x01, 0x02, 0x9f, 0x41]), "x.csv")).rejects.toThrow("x.csv is a binary file");
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
