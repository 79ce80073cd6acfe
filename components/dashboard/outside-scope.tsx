// What a read-scoped reader sees where a page would show national figures:
// one plain sentence and links to their own regions, instead of empty charts.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { regionIndex } from "@/lib/data/reference";
import type { Visibility } from "@/lib/auth/visibility";

export async function OutsideScopeNotice({ visibility }: { visibility: Visibility }) {
  const [t, locale, regions] = await Promise.all([getTranslations("visibility"), getLocale(), regionIndex()]);
  const lang = locale === "fr" ? "fr" : "en";
  const own = visibility.scope.regions.flatMap((pcode) => {
    const r = regions.get(pcode);
    return r ? [r] : [];
  });
  return (
    <p className="notice" role="note" data-testid="outside-scope">
      {t("nationalOutside")}{" "}
      {own.map((r, i) => (
        <span key={r.pcode}>
          {i > 0 && ", "}
          <Link href={`/regions/${r.pcode}`}>{r.name[lang]}</Link>
        </span>
      ))}
    </p>
  );
}
