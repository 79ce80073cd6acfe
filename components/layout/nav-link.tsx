"use client";

import type { ReactNode } from "react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

/** A dot that pulses while the link's page loads: on a slow connection the click is seen to have been taken. */
function PendingHint() {
  const { pending } = useLinkStatus();
  return <span aria-hidden="true" className={pending ? "nav-pending is-pending" : "nav-pending"} />;
}

/** A main-navigation link, marked as the current page (aria-current) on its page and the pages under it. */
/** `label`: the accessible name when the visible text says less (a count shown as a badge). */
export function NavLink({ href, children, label }: { href: string; children: ReactNode; label?: string }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} aria-label={label}>
      {children}
      <PendingHint />
    </Link>
  );
}
