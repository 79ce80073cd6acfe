"use client";
// "Compare sources": adds a chart's other datasets as comparison lines. The
// state is in the URL (?compare=<chart id>, lib/domain/comparison.ts), so a
// view with them can be shared; the server draws them.
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { toggleCompare } from "@/lib/domain/comparison";
import { usePublicMode } from "@/components/layout/public-mode";

export function CompareToggle({ chartId, pressed }: { chartId: string; pressed: boolean }) {
  const t = useTranslations("charts");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // A public link shows the chart as it was linked.
  if (usePublicMode()) return null;
  return (
    <button
      type="button"
      className="chart-toggle"
      aria-pressed={pressed}
      aria-busy={pending}
      onClick={() => {
        const query = toggleCompare(searchParams.toString(), chartId);
        startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
      }}
    >
      {t("compareSources")}
    </button>
  );
}
