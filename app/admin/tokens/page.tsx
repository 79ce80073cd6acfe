import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/data/user-admin";
import { TokenTable } from "@/components/admin/token-table";
import { ScopedMessages } from "@/components/layout/scoped-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("tokensTitle") };
}

export default async function TokensPage() {
  await requireUser("users:manage");
  const [t, tokens] = await Promise.all([getTranslations("admin"), listTokens()]);
  return (
    <>
      <h1>{t("tokensTitle")}</h1>
      <p className="lead">{t("tokensIntro")}</p>
      <ScopedMessages namespaces={["admin"]}>
        <TokenTable tokens={tokens} showOwner caption={t("tokensTitle")} />
      </ScopedMessages>
    </>
  );
}
