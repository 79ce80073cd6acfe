// A source's name, linked to its web address only when that is http(s)
// (lib/validation/source-url.ts): rows written before the rule may hold
// javascript: or data: addresses, which are shown as plain text, never linked.
import type { ReactNode } from "react";
import { sourceHref } from "@/lib/validation/source-url";

export function SourceLink({ url, title, children }: { url: string | null | undefined; title?: string; children: ReactNode }) {
  const href = sourceHref(url);
  if (!href) return title ? <span title={title}>{children}</span> : <>{children}</>;
  return (
    <a href={href} rel="noreferrer" title={title}>
      {children}
    </a>
  );
}
