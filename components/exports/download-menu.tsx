"use client";
// "Download" on the snapshot: a button that shows the files the server makes
// of it (PDF, PowerPoint, Word), each a DownloadLink (which says a refusal or
// failure next to it). A disclosure, not an ARIA menu: its items are plain
// links, reached with Tab; Escape or a click elsewhere closes it.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/layout/use-dismiss";
import { DownloadLink } from "./download-link";

export interface DownloadItem {
  href: string;
  label: string;
}

export function DownloadMenu({ label, listLabel, items }: { label: string; listLabel: string; items: DownloadItem[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) root.current?.querySelector<HTMLAnchorElement>("ul a")?.focus();
  }, [open]);
  const close = useCallback((byEscape: boolean) => {
    setOpen(false);
    if (byEscape) button.current?.focus();
  }, []);
  useDismiss(open, root, close);

  return (
    <div className="download-menu" ref={root}>
      <button type="button" ref={button} className="button-primary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        {label}
        {/* Not part of its name. */}
        <span aria-hidden="true"> ▾</span>
      </button>
      {/* Kept mounted while closed, so a download under way still says how it went. */}
      <ul id={id} aria-label={listLabel} className="menu" hidden={!open}>
        {items.map((item) => (
          <li key={item.href}>
            <DownloadLink href={item.href}>{item.label}</DownloadLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
