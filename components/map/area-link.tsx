"use client";
// An area of a map: a link to its page, named for screen readers, that marks
// it active (tooltip, outline) on hover and on keyboard focus.
import Link from "next/link";
import type { ReactNode } from "react";
import { usePublicMode } from "@/components/layout/public-mode";

export function AreaLink<T extends { pcode: string }>({ area, label, onActive, children }: { area: T; label: string; onActive: (area: T | null) => void; children: ReactNode }) {
  const events = { onMouseEnter: () => onActive(area), onMouseLeave: () => onActive(null), onFocus: () => onActive(area), onBlur: () => onActive(null) };
  // On a public link's page the area leads nowhere; it stays named and focusable for its tooltip.
  if (usePublicMode()) {
    return (
      <g role="img" aria-label={label} tabIndex={0} {...events}>
        {children}
      </g>
    );
  }
  return (
    <Link href={`/regions/${area.pcode}`} aria-label={label} {...events}>
      {children}
    </Link>
  );
}
