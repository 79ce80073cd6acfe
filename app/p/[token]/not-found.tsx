import { getTranslations } from "next-intl/server";

/** An unknown, expired or revoked link: said the same way, with no way into the app. */
export default async function PublicLinkGone() {
  const t = await getTranslations("publicLink");
  return (
    <>
      <h1>{t("goneTitle")}</h1>
      <p>{t("gone")}</p>
    </>
  );
}
