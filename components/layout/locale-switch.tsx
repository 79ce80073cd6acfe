import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/locale";

const LABELS = { en: "English", fr: "Français" } as const;

export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form action={setLocale} className="locale-switch" aria-label={t("language")}>
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((code) => (
        <button key={code} type="submit" name="locale" value={code} lang={code} aria-pressed={locale === code}>
          {LABELS[code]}
        </button>
      ))}
    </form>
  );
}
