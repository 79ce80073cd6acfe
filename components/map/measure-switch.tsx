// The map's measure, numbers or % of the population, as two links that keep
// every other filter of the URL (?measure=rate; numbers are the default).
import { AppLink } from "@/components/layout/app-link";
import { sign } from "@/lib/domain/typography";

export type MapMeasure = "count" | "rate";

/** The measure a query asks for; rates only where the indicator has them. */
export function mapMeasureOf(value: string | string[] | undefined, rateable: boolean): MapMeasure {
  const v = Array.isArray(value) ? value[0] : value;
  return rateable && v === "rate" ? "rate" : "count";
}

export function MeasureSwitch({ measure, params, labels, locale }: { measure: MapMeasure; params: Record<string, string | string[] | undefined>; labels: { group: string; count: string; rate: string }; locale: string }) {
  const hrefFor = (m: MapMeasure) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (k !== "measure") for (const item of ([] as (string | undefined)[]).concat(v)) if (item !== undefined) q.append(k, item);
    if (m === "rate") q.set("measure", "rate");
    const text = q.toString();
    return text ? `/map?${text}` : "/map";
  };
  return (
    <div role="group" aria-label={labels.group} className="measure-switch">
      <span aria-hidden="true">
        {labels.group}
        {sign(":", locale)}
      </span>
      {(["count", "rate"] as const).map((m) => (
        <AppLink key={m} href={hrefFor(m)} aria-current={measure === m ? "true" : undefined} className="button-secondary" scroll={false}>
          {labels[m]}
        </AppLink>
      ))}
    </div>
  );
}
