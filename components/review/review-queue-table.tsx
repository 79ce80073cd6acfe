"use client";

// The review queue's rows: each approved or returned on its own, or several
// at once (checkboxes, then one approve or one return with one comment). An
// import batch is reviewed on its own page.
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { TableScroll } from "@/components/layout/table-scroll";
import { ReviewDecision } from "./review-buttons";

export interface QueueRow {
  kind: "figure" | "revision" | "import";
  id: number;
  title: string;
  author: string;
  submittedAt: string;
  /** What changes: old → new for a revision, the value for a new figure, the counts for an import. */
  change: string;
}

export function ReviewQueueTable({ rows }: { rows: QueueRow[] }) {
  const t = useTranslations("review");
  const [selected, setSelected] = useState<number[]>([]);
  const figures = rows.filter((r) => r.kind !== "import");
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const all = figures.length > 0 && figures.every((r) => selected.includes(r.id));
  return (
    <>
      <div className="bulk-review card" role="group" aria-label={t("bulkLabel")}>
        <p>{t("selected", { count: selected.length })}</p>
        <ReviewDecision ids={selected} bulk onDone={() => setSelected([])} />
      </div>
      <TableScroll>
        <table className="review-queue">
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label={t("selectAll")} checked={all} onChange={(e) => setSelected(e.target.checked ? figures.map((r) => r.id) : [])} />
              </th>
              <th scope="col">{t("item")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("change")}</th>
              <th scope="col">{t("author")}</th>
              <th scope="col">{t("submittedAt")}</th>
              <th scope="col">{t("decision")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <td>{r.kind !== "import" && <input type="checkbox" aria-label={t("selectItem", { item: r.title })} checked={selected.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />}</td>
                <td>
                  <Link href={r.kind === "import" ? `/imports/${r.id}` : `/figures/${r.id}`}>{r.title}</Link>
                </td>
                <td>{t(`kinds.${r.kind}`)}</td>
                <td>{r.change}</td>
                <td>{r.author}</td>
                <td>{r.submittedAt}</td>
                <td>{r.kind === "import" ? <Link href={`/imports/${r.id}`}>{t("reviewBatch")}</Link> : <ReviewDecision ids={[r.id]} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
