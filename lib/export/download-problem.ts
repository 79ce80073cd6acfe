// What a download link tells the reader when the server does not send the
// file: which message (a key of the "downloads" messages) with which values.
// Pure, so the rules are tested without a browser.

export type DownloadProblem =
  | { key: "busyUser"; values: { seconds: number } }
  | { key: "busyServer"; values: { seconds: number } }
  | { key: "failed"; values: { reason: string } };

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; reason?: unknown };
}

/** The problem behind a non-2xx answer: its status, Retry-After header and JSON body (if any). */
export function downloadProblem(status: number, retryAfter: string | null, body: unknown): DownloadProblem {
  const error = (body as ErrorBody | null)?.error;
  const seconds = Math.max(1, Math.min(3600, Math.round(Number(retryAfter)) || 10));
  if (status === 429 || error?.code === "too_many_exports") {
    return error?.reason === "user" ? { key: "busyUser", values: { seconds } } : { key: "busyServer", values: { seconds } };
  }
  const message = typeof error?.message === "string" && error.message.trim() ? error.message.trim().slice(0, 300) : `HTTP ${status}`;
  return { key: "failed", values: { reason: message } };
}

/** The file name in a Content-Disposition header, else `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header ?? "")?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // malformed: the plain name below
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header ?? "")?.[1] ?? fallback;
}
