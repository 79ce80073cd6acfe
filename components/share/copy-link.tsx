"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Copies the page's address, filters included. Where the browser refuses the
 * clipboard, the address is shown selected in a field, to copy by hand.
 */
export function CopyLink() {
  const t = useTranslations("share");
  const [state, setState] = useState<{ status: "idle" } | { status: "copied" } | { status: "refused"; url: string }>({ status: "idle" });
  const field = useRef<HTMLInputElement>(null);

  async function copy() {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setState({ status: "copied" });
    } catch {
      setState({ status: "refused", url });
      // After React shows the field: select it, ready for Ctrl+C.
      requestAnimationFrame(() => field.current?.select());
    }
  }

  return (
    <span className="copy-link">
      <button type="button" className="button-link" onClick={() => void copy()}>
        {t("copyLink")}
      </button>
      <span aria-live="polite" className="share-status">
        {state.status === "copied" ? t("linkCopied") : state.status === "refused" ? t("copyRefused") : ""}
      </span>
      {state.status === "refused" && (
        <span className="share-panel">
          <label htmlFor="copy-link-url">{t("linkField")}</label>
          <input id="copy-link-url" ref={field} readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} />
        </span>
      )}
    </span>
  );
}
