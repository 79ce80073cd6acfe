// Heavy exports (figure files of any size, the audit CSV, the PDF snapshot)
// take CPU, memory and a database connection for seconds to minutes. A few
// run at once: EXPORT_MAX_PER_USER for one user and EXPORT_MAX_TOTAL in all
// (lib/env.ts); beyond, 429 with Retry-After, so one user's burst of downloads
// cannot starve everyone's pages. The slot is held until the file has been
// sent (or the client went away), not just until the response starts.
//
// The count is per process. Under `npm start` every heavy export goes to the
// one export process of the instance (scripts/serve.mjs), so the limits hold
// per instance; under `npm run dev` per dev server.
import { exportLimits } from "../env";
import { SlotLimiter, type Slot, type SlotRefusal } from "../domain/slot-limiter";
import { jsonError } from "./respond";

/** What a refused client is told to wait, in seconds: about the time of a typical export. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

const KEY = "__situationRoomExportSlots";

function limiter(): SlotLimiter<number> {
  const g = globalThis as unknown as Record<string, SlotLimiter<number> | undefined>;
  if (!g[KEY]) {
    const { perUser, total } = exportLimits();
    g[KEY] = new SlotLimiter<number>(perUser, total);
  }
  return g[KEY];
}

/** The 429 answer for a refused export, with what to do about it. */
export function exportsBusy(refusal: SlotRefusal, limits: { perKey: number; total: number }): Response {
  const message =
    refusal === "per_key"
      ? `You already have ${limits.perKey} exports running: wait until one has finished (try again in ${EXPORT_RETRY_AFTER_SECONDS} s)`
      : `The server is busy with ${limits.total} exports: try again in ${EXPORT_RETRY_AFTER_SECONDS} s`;
  const response = jsonError(429, "too_many_exports", message, { reason: refusal === "per_key" ? "user" : "server", retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS });
  response.headers.set("Retry-After", String(EXPORT_RETRY_AFTER_SECONDS));
  return response;
}

/**
 * Runs `work` in one of `userId`'s export slots, or answers 429. A streamed
 * body keeps the slot until it ends, fails or is cancelled.
 */
export async function withExportSlot(userId: number, work: () => Promise<Response>): Promise<Response> {
  const slots = limiter();
  const taken = slots.tryAcquire(userId);
  if (!taken.ok) return exportsBusy(taken.refusal, slots);
  let response: Response;
  try {
    response = await work();
  } catch (error) {
    taken.slot.release();
    throw error;
  }
  if (!response.body) {
    taken.slot.release();
    return response;
  }
  return new Response(holdingSlot(response.body, taken.slot), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** `body`, passed through chunk by chunk; the slot goes back when it is done with. */
function holdingSlot(body: ReadableStream<Uint8Array>, slot: Slot): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          slot.release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        slot.release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      slot.release();
      await reader.cancel(reason);
    },
  });
}

/** Exports running in this process now, in all or for one user (for tests and the bench). */
export function runningExports(userId?: number): number {
  return limiter().running(userId);
}
