// Which of a figure's recorded states a reader may see in its history: a
// state that was unpublished (a draft, a submission, a returned figure) shows
// only to those who may read it, as the figure itself would (mayReadRecord).
// Pure: the caller gives each state's place and whether the reader wrote it.
import type { FigureStatus } from "../generated/prisma/enums";
import type { RecordPlace } from "./scope";
import { mayReadRecord, type Visibility } from "./visibility";

export interface HistoryState {
  /** Absent in states recorded before figures had a status: they were published. */
  status?: FigureStatus;
  region: string;
  dataset?: { code: string };
}

export function mayReadState(v: Visibility, state: HistoryState, place: RecordPlace, writtenByReader: boolean): boolean {
  return mayReadRecord(v, { status: state.status ?? "published", authorId: writtenByReader ? v.userId : null, place, dataset: state.dataset?.code ?? "" });
}
