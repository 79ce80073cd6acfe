// A chart's place on a page: fixed height, a skeleton while its data streams
// in, and its own error boundary.
import { Suspense, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ChartBoundary } from "./chart-boundary";

export async function ChartSlot({ title, height = 300, children }: { title: string; height?: number; children: ReactNode }) {
  const t = await getTranslations("charts");
  return (
    <ChartBoundary title={title} height={height}>
      <Suspense
        fallback={
          <figure className="chart card" aria-busy="true">
            <figcaption>{title}</figcaption>
            <div className="chart-body skeleton" style={{ height }}>
              <span className="visually-hidden">{t("loading")}</span>
            </div>
          </figure>
        }
      >
        {children}
      </Suspense>
    </ChartBoundary>
  );
}
