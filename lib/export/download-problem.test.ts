import { describe, expect, it } from "vitest";
import { attachmentName, downloadProblem } from "./download-problem";

describe("downloadProblem", () => {
  it("tells the user's own limit from a busy server, with the wait the server asks for", () => {
    expect(downloadProblem(429, "10", { error: { code: "too_many_exports", reason: "user", message: "…" } })).toEqual({ key: "busyUser", values: { seconds: 10 } });
    expect(downloadProblem(429, "7", { error: { code: "too_many_exports", reason: "server" } })).toEqual({ key: "busyServer", values: { seconds: 7 } });
  });

  it("falls back to a sane wait when Retry-After is missing or absurd", () => {
    expect(downloadProblem(429, null, null)).toEqual({ key: "busyServer", values: { seconds: 10 } });
    expect(downloadProblem(429, "999999", null)).toEqual({ key: "busyServer", values: { seconds: 3600 } });
  });

  it("passes the server's own message on for other failures, else the status", () => {
    expect(downloadProblem(400, null, { error: { code: "invalid_parameter", message: "from: not a date" } })).toEqual({ key: "failed", values: { reason: "from: not a date" } });
    expect(downloadProblem(502, null, "<html>")).toEqual({ key: "failed", values: { reason: "HTTP 502" } });
  });
});

describe("attachmentName", () => {
  it("reads the quoted name, the RFC 5987 one first, and falls back", () => {
    expect(attachmentName('attachment; filename="figures_idps.xlsx"', "x")).toBe("figures_idps.xlsx");
    expect(attachmentName("attachment; filename=\"a.csv\"; filename*=UTF-8''M%C3%A9naka.csv", "x")).toBe("Ménaka.csv");
    expect(attachmentName(null, "fallback.csv")).toBe("fallback.csv");
  });
});
