"use client";
// A link to a file the server makes (figure files, the audit CSV, the PDF).
// With JavaScript it fetches the file itself, so that a refusal (too many
// exports at once: 429) or a failure is said next to the link in the reader's
// language instead of a broken download; without, it is a plain link.
import { useState, type MouseEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { attachmentName, downloadProblem, type DownloadProblem } from "@/lib/export/download-problem";
import { download } from "@/lib/export/save-file";
import { usePublicMode } from "@/components/layout/public-mode";

type State = { kind: "idle" } | { kind: "preparing" } | { kind: "problem"; problem: DownloadProblem };

export function DownloadLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const t = useTranslations("downloads");
  const [state, setState] = useState<State>({ kind: "idle" });
  const publicMode = usePublicMode();

  async function fetchFile(event: MouseEvent<HTMLAnchorElement>) {
    // A modified click (new tab, save as…) is the browser's to handle.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state.kind === "preparing") return;
    setState({ kind: "preparing" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        setState({ kind: "problem", problem: downloadProblem(response.status, response.headers.get("retry-after"), body) });
        return;
      }
      const blob = await response.blob();
      download(blob, attachmentName(response.headers.get("content-disposition"), href.split("?")[0]!.split("/").pop() ?? "download"));
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "problem", problem: { key: "failed", values: { reason: t("offline") } } });
    }
  }

  // A public link's visitor has no access to the API the files come from.
  if (publicMode) return null;
  return (
    <>
      <a href={href} className={className} download onClick={fetchFile} aria-busy={state.kind === "preparing"} aria-disabled={state.kind === "preparing" || undefined}>
        {children}
      </a>
      <span role="status" className={state.kind === "problem" ? "download-status is-problem" : "download-status"}>
        {state.kind === "preparing" ? t("preparing") : state.kind === "problem" ? t(state.problem.key, state.problem.values) : ""}
      </span>
    </>
  );
}
