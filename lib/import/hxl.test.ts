import { describe, expect, it } from "vitest";
import { describeColumns, findHashtagRow, parseTag, sameTag } from "./hxl";

const table = (rows: string[][]) => ({ rows, lineNumbers: rows.map((_, i) => i + 1) });

describe("HXL tags", () => {
  it("ignores attribute order, case, repeats and spaces", () => {
    expect(parseTag("#Affected +IND+idps")).toEqual({ hashtag: "affected", attributes: ["idps", "ind"] });
    expect(parseTag(" #adm1 + code +code ")).toEqual({ hashtag: "adm1", attributes: ["code"] });
    expect(parseTag("#inneed")).toEqual({ hashtag: "inneed", attributes: [] });
    expect(sameTag(parseTag("#affected+ind+idps")!, parseTag("#AFFECTED+idps+ind")!)).toBe(true);
    expect(sameTag(parseTag("#affected+idps")!, parseTag("#affected+idps+hh")!)).toBe(false);
    expect(["Total IDPs", "#1", "#N/A", "#", "adm1+code", "#adm1+"].map(parseTag)).toEqual([null, null, null, null, null, null]);
  });

  it("finds the hashtag row under titles and the header, or in place of the header", () => {
    expect(findHashtagRow([["Mali IDPs, Sept 2021"], ["Region", "IDPs"], ["#adm1+code", "#affected+idps"], ["ML05", "1"]])).toBe(2);
    expect(findHashtagRow([["#adm1+code", "#inneed", ""], ["ML05", "1", ""]])).toBe(0);
    expect(findHashtagRow([["Region", "IDPs"], ["ML05", "#1"]])).toBe(-1);
    expect(findHashtagRow([["Region", "#adm1+code"], ["ML05", "1"]])).toBe(-1); // a row with text besides tags is not the tag row
  });

  it("takes a row of mostly valid tags with one malformed cell as the tag row (as libhxl does), and keeps the malformed text", () => {
    const rows = [["Region", "Date", "IDPs", "IDPs 2021"], ["#adm1+code", "#date", "#affected+idps+ind", "#affected+idps+2021"], ["ML05", "2021-09-30", "1", "2"]];
    expect(findHashtagRow(rows)).toBe(1);
    expect(describeColumns(table(rows)).columns[3]).toEqual({ index: 3, header: "IDPs 2021", tag: null, invalidTag: "#affected+idps+2021" });
  });
});

describe("describeColumns", () => {
  it("takes the row above the hashtags as the header and ignores titles further up; untagged columns keep their header", () => {
    const layout = describeColumns(table([["Déplacés – Mali"], ["Région", "Date", "Commentaire", ""], ["#adm1+name", "#date", "", "#affected+idps"], ["Mopti", "2021-09-30", "x", "1"]]));
    expect(layout).toMatchObject({ headerRowIndex: 1, hashtagRowIndex: 2, dataStartIndex: 3 });
    expect(layout.columns).toEqual([
      { index: 0, header: "Région", tag: { hashtag: "adm1", attributes: ["name"] } },
      { index: 1, header: "Date", tag: { hashtag: "date", attributes: [] } },
      { index: 2, header: "Commentaire", tag: null },
      { index: 3, header: "#affected+idps", tag: { hashtag: "affected", attributes: ["idps"] } },
    ]);
  });

  it("has no human header when the tags come first, and the first row as header in a plain file", () => {
    expect(describeColumns(table([["#adm1+code", "#inneed"], ["ML05", "1"]]))).toMatchObject({ headerRowIndex: null, hashtagRowIndex: 0, dataStartIndex: 1, columns: [{ header: "#adm1+code" }, { header: "#inneed" }] });
    expect(describeColumns(table([["Region", "IDPs"], ["ML05", "1", "extra"]]))).toMatchObject({ headerRowIndex: 0, hashtagRowIndex: null, dataStartIndex: 1, columns: [{ header: "Region", tag: null }, { header: "IDPs" }, { header: "" }] });
  });
});
