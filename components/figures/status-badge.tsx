// The mark of a figure its reader sees unpublished: its status ("Draft",
// "Submitted", "Returned") or, on a published figure, "Pending revision" when
// the reader may see the change waiting for review. Published figures carry none.
import { getTranslations } from "next-intl/server";
import type { FigureDto } from "@/lib/data/figures";

export async function FigureStatusBadge({ figure }: { figure: Pick<FigureDto, "status" | "pendingRevision"> }) {
  const t = await getTranslations("visibility");
  // A state recorded before figures had a status was published.
  const status = figure.status ?? "published";
  if (status !== "published") {
    return (
      <span className={`status-badge status-${status}`} data-status={status}>
        {t(`status.${status}`)}
      </span>
    );
  }
  if (!figure.pendingRevision) return null;
  return (
    <span className="status-badge status-pending" data-status="pending-revision">
      {t("status.pendingRevision")}
    </span>
  );
}
