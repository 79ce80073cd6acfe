// The page modules a public link renders, one per linkable page
// (lib/domain/public-link-pages.ts). Each calls requireReader, which gives a
// public link's visitor published figures only.
import type { ReactNode } from "react";
import type { LinkablePage } from "@/lib/domain/public-link-pages";

export interface LinkedPageProps {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

type PageModule = { default: (props: LinkedPageProps) => Promise<ReactNode> | ReactNode };

// Each page declares the props it reads, a subset of these.
const page = (load: () => Promise<unknown>) => load as () => Promise<PageModule>;

export const LINKED_PAGES: Record<LinkablePage, () => Promise<PageModule>> = {
  "/": page(() => import("../../page")),
  "/displacement": page(() => import("../../displacement/page")),
  "/food-security": page(() => import("../../food-security/page")),
  "/funding": page(() => import("../../funding/page")),
  "/map": page(() => import("../../map/page")),
  "/regions": page(() => import("../../regions/page")),
  "/regions/[pcode]": page(() => import("../../regions/[pcode]/page")),
  "/compare": page(() => import("../../compare/page")),
  "/snapshot": page(() => import("../../snapshot/page")),
};
