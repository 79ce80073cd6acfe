"use client";

// A link to another page of the app, or its text alone on a public read-only
// link's page, which leads nowhere else (no login, no navigation).
import Link from "next/link";
import type { ComponentProps } from "react";
import { usePublicMode } from "./public-mode";

export function AppLink({ href, children, className, ...rest }: ComponentProps<typeof Link> & { href: string }) {
  if (usePublicMode()) return <span className={className}>{children}</span>;
  return (
    <Link href={href} className={className} {...rest}>
      {children}
    </Link>
  );
}
