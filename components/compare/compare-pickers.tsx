"use client";
// The compare page's choices, kept in the URL like every dashboard's filters
// (components/filters/filter-bar.tsx): indicator, place and, where the
// selection has one, breakdown. A new indicator drops the breakdown (its keys
// differ); a new place keeps it when that place has it (the page falls back
// otherwise).
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { usePublicMode } from "@/components/layout/public-mode";

export interface PickerOption {
  value: string;
  label: string;
}

export interface PickerGroup {
  label: string;
  options: PickerOption[];
}

export interface ComparePickersProps {
  labels: { form: string; indicator: string; region: string; breakdown: string };
  indicator: { options: PickerOption[]; value: string };
  region: { groups: PickerGroup[]; value: string };
  /** Absent when the selection has no breakdown. */
  breakdown?: { options: PickerOption[]; value: string };
}

export function ComparePickers({ labels, indicator, region, breakdown }: ComparePickersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const publicMode = usePublicMode();

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  return (
    <form className="filter-bar card" aria-label={labels.form} aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      {/* A public link shows its choices, fixed. */}
      <fieldset className="filter-bar-fields" disabled={publicMode}>
        <label className="filter">
          <span>{labels.indicator}</span>
          <select key={indicator.value} defaultValue={indicator.value} onChange={(e) => update({ indicator: e.target.value, key: null })}>
            {indicator.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{labels.region}</span>
          <select key={region.value} defaultValue={region.value} onChange={(e) => update({ region: e.target.value })}>
            {region.groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {breakdown && (
          <label className="filter">
            <span>{labels.breakdown}</span>
            <select key={breakdown.value} defaultValue={breakdown.value} onChange={(e) => update({ key: e.target.value || null })}>
              {breakdown.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
    </form>
  );
}
