"use client";
// Filters live in the URL: every change pushes a new history entry, so a view
// can be bookmarked and shared, and back/forward walk through the changes.
// Controls are uncontrolled and keyed by the URL's value: they answer a click
// at once and reset when the URL changes (back/forward, reset).
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { usePublicMode } from "@/components/layout/public-mode";
import { useTranslations } from "next-intl";

export interface Option {
  value: string;
  label: string;
}

export interface FilterControls {
  indicator?: { options: Option[]; value: string };
  regions?: { options: Option[]; value: string[] };
  range?: { from?: string; to?: string };
  status?: { value: "current" | "projected" };
  /** The map's areas: regions or cercles (the date stays when the other level has it). */
  level?: { value: "region" | "cercle" };
  date?: { options: Option[]; value: string; label?: string };
  /** Any day: views then show each region's latest figure on or before it. */
  asOf?: { value: string; min?: string; max?: string; label?: string };
  year?: { options: Option[]; value: string };
}

export function FilterBar({ controls }: { controls: FilterControls }) {
  const t = useTranslations("filters");
  const tc = useTranslations("charts");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const publicMode = usePublicMode();

  function update(changes: Record<string, string | string[] | null>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const v of value === null ? [] : ([] as string[]).concat(value)) if (v) next.append(key, v);
    }
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  return (
    <form className="filter-bar card" aria-label={t("label")} aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      {/* A public link shows its filters, fixed: its visitor reads the view, never another one. */}
      <fieldset className="filter-bar-fields" disabled={publicMode}>
        {controls.indicator && (
          <label className="filter">
            <span>{t("indicator")}</span>
            <select key={controls.indicator.value} defaultValue={controls.indicator.value} onChange={(e) => update({ indicator: e.target.value, date: null })}>
              {controls.indicator.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {controls.status && (
          <fieldset className="filter">
            <legend>{t("status")}</legend>
            {(["current", "projected"] as const).map((s) => (
              <label key={s} className="inline">
                <input key={`${s}-${controls.status!.value}`} type="radio" name="status" value={s} defaultChecked={controls.status!.value === s} onChange={() => update({ status: s === "current" ? null : s, date: null })} />
                {tc(s)}
              </label>
            ))}
          </fieldset>
        )}
        {controls.level && (
          <fieldset className="filter">
            <legend>{t("level")}</legend>
            {(["region", "cercle"] as const).map((l) => (
              <label key={l} className="inline">
                <input key={`${l}-${controls.level!.value}`} type="radio" name="level" value={l} defaultChecked={controls.level!.value === l} onChange={() => update({ level: l === "region" ? null : l })} />
                {t(l === "region" ? "levelRegions" : "levelCercles")}
              </label>
            ))}
          </fieldset>
        )}
        {controls.date && (
          <label className="filter">
            <span>{controls.date.label ?? t("date")}</span>
            <select key={controls.date.value} defaultValue={controls.date.value} onChange={(e) => update({ date: e.target.value })}>
              {controls.date.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {controls.asOf && (
          <label className="filter">
            <span>{controls.asOf.label ?? t("asOf")}</span>
            <input
              type="date"
              key={`as-of-${controls.asOf.value}`}
              defaultValue={controls.asOf.value}
              min={controls.asOf.min}
              max={controls.asOf.max}
              onChange={(e) => e.target.value && e.target.validity.valid && update({ date: e.target.value })}
            />
          </label>
        )}
        {controls.year && (
          <label className="filter">
            <span>{t("year")}</span>
            <select key={controls.year.value} defaultValue={controls.year.value} onChange={(e) => update({ year: e.target.value })}>
              {controls.year.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {controls.range && (
          <>
            <label className="filter">
              <span>{t("from")}</span>
              <input type="date" defaultValue={controls.range.from ?? ""} key={`from-${controls.range.from ?? ""}`} onChange={(e) => (e.target.value === "" || e.target.validity.valid) && update({ from: e.target.value || null })} />
            </label>
            <label className="filter">
              <span>{t("to")}</span>
              <input type="date" defaultValue={controls.range.to ?? ""} key={`to-${controls.range.to ?? ""}`} onChange={(e) => (e.target.value === "" || e.target.validity.valid) && update({ to: e.target.value || null })} />
            </label>
          </>
        )}
        {controls.regions && (
          <fieldset className="filter regions">
            <legend>{t("regions")}</legend>
            {controls.regions.options.map((o) => {
              const checked = controls.regions!.value.includes(o.value);
              return (
                <label key={o.value} className="inline">
                  <input
                    key={`${o.value}-${checked}`}
                    type="checkbox"
                    name="region"
                    value={o.value}
                    defaultChecked={checked}
                    onChange={() => update({ region: checked ? controls.regions!.value.filter((v) => v !== o.value) : [...controls.regions!.value, o.value] })}
                  />
                  {o.label}
                </label>
              );
            })}
          </fieldset>
        )}
        {!publicMode && (
          <button type="button" className="button-secondary" onClick={() => startTransition(() => router.push(pathname, { scroll: false }))}>
            {t("reset")}
          </button>
        )}
      </fieldset>
    </form>
  );
}
