// The scope's fields, as the create-user form and the user page's scope form
// both show them: regions and datasets as checkbox groups (none ticked: every
// one) and whether reading is limited too. The Server Actions check the codes
// again (lib/data/users.ts, checkedScope).
import { getLocale, getTranslations } from "next-intl/server";
import type { Scope } from "@/lib/auth/scope";
import { datasetCatalogue } from "@/lib/data/datasets";
import { regionIndex } from "@/lib/data/reference";
import type { FieldSpec } from "./action-form";

export async function scopeFields(scope?: Scope): Promise<FieldSpec[]> {
  const [t, locale, places, catalogue] = await Promise.all([getTranslations("admin"), getLocale(), regionIndex(), datasetCatalogue()]);
  const lang = locale === "fr" ? "fr" : "en";
  const regions = [...places.values()].filter((r) => r.level === 1).sort((a, b) => a.pcode.localeCompare(b.pcode));
  const datasets = [...catalogue.byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
  return [
    { name: "regions", label: t("scopeRegions"), type: "checkboxes", options: regions.map((r) => ({ value: r.pcode, label: r.name[lang], code: r.pcode })), defaultValue: scope?.regions.join(",") },
    { name: "datasets", label: t("scopeDatasets"), type: "checkboxes", options: datasets.map((d) => ({ value: d.code, label: d.name, code: d.code })), defaultValue: scope?.datasets.join(",") },
    { name: "readScoped", label: t("scopeReadScoped"), type: "checkbox", hint: t("scopeReadScopedHint"), defaultValue: scope?.readScoped ? "on" : undefined },
  ];
}
