"use client";
// An area of a map: a link to its page, named for screen readers, that marks
// it active (tooltip, outline) on hover and on keyboard focus.
import Link from "next/link";
import type { ReactNode } from "react";

export function AreaLink<T extends { pcode: string }>({ area, label, onActive, children }: { area: T; label: string; onActive: (area: T | null) => void; children: ReactNode }) {
  return (
    <Link href={`/regions/${area.pcode}`} aria-label={label} onMouseEnter={() => onActive(area)} onMouseLeave={() => onActive(null)} onFocus={() => onActive(area)} onBlur={() => onActive(null)}>
      {children}
    </Link>
  );
}
