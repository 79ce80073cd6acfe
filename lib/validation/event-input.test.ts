import { describe, expect, it } from "vitest";
import { eventFieldErrors, eventInputSchema, eventsQuerySchema } from "./event-input";

const valid = { title: "Coup d'État", startDate: "2020-08-18", sourceUrl: "https://press.un.org/en/2020/sc14282.doc.htm" };

describe("eventInputSchema (the events form and the API)", () => {
  it("takes a one-day national event and fills the optional fields with null", () => {
    expect(eventInputSchema.parse(valid)).toEqual({ ...valid, titleFr: null, endDate: null, region: null, note: null });
  });
  it("reads a form's empty fields as none and a lower-case P-code as the region", () => {
    expect(eventInputSchema.parse({ ...valid, titleFr: " ", endDate: "", region: "ml05", note: "" })).toMatchObject({ titleFr: null, endDate: null, region: "ML05", note: null });
  });
  it("takes a period and makes an end on the start day a one-day event", () => {
    expect(eventInputSchema.parse({ ...valid, endDate: "2022-07-03" }).endDate).toBe("2022-07-03");
    expect(eventInputSchema.parse({ ...valid, endDate: valid.startDate }).endDate).toBeNull();
  });
  it("refuses a period that ends before it starts, under the end date", () => {
    const result = eventInputSchema.safeParse({ ...valid, endDate: "2020-08-17" });
    expect(result.success).toBe(false);
    expect(eventFieldErrors(result.error!)).toEqual({ endDate: "eventEndBeforeStart" });
  });
  it("refuses a missing title, an impossible date, a cercle, and a source that is not http(s), each under its field", () => {
    const result = eventInputSchema.safeParse({ title: " ", startDate: "2023-02-29", region: "ML0501", sourceUrl: "javascript:alert(1)" });
    expect(eventFieldErrors(result.error!)).toEqual({ title: "eventTitle", startDate: "eventDate", region: "eventRegion", sourceUrl: "eventSourceUrl" });
    expect(eventInputSchema.safeParse({ ...valid, sourceUrl: undefined }).success).toBe(false);
  });
  it("refuses fields it does not know", () => {
    const result = eventInputSchema.safeParse({ ...valid, id: 3 });
    expect(eventFieldErrors(result.error!)).toEqual({ form: "eventUnknownField" });
  });
});

describe("eventsQuerySchema", () => {
  it("takes a region, ML for national only, and a range", () => {
    expect(eventsQuerySchema.parse({ region: "ml05", from: "2020-01-01", to: "2021-01-01" })).toEqual({ region: "ML05", from: "2020-01-01", to: "2021-01-01" });
    expect(eventsQuerySchema.parse({ region: "ML" }).region).toBe("ML");
  });
  it("refuses a range that ends before it starts and an impossible date", () => {
    expect(eventsQuerySchema.safeParse({ from: "2021-01-01", to: "2020-01-01" }).success).toBe(false);
    expect(eventsQuerySchema.safeParse({ from: "2021-13-01" }).success).toBe(false);
  });
});
