import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/data/user-admin";
import { TOKEN_MAX_DAYS } from "@/lib/validation/users";
import { ActionForm } from "@/components/admin/action-form";
import { TokenTable } from "@/components/admin/token-table";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { createTokenAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("accountTitle") };
}

export default async function AccountPage() {
  const user = await requireUser("figures:read");
  const [t, tr, tokens] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listTokens(user.id)]);
  return (
    <>
      <h1>{t("accountTitle")}</h1>
      <p className="lead">{t("accountIntro", { email: user.email, role: tr(user.role) })}</p>
      <ScopedMessages namespaces={["admin"]}>
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">{t("changePassword")}</h2>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">{t("yourTokens")}</h2>
          <p>{t("yourTokensIntro")}</p>
          <TokenTable tokens={tokens} caption={t("yourTokens")} />
          <h3>{t("createToken")}</h3>
          <ActionForm
            action={createTokenAction}
            submitLabel={t("createToken")}
            fields={[
              { name: "name", label: t("tokenName") },
              { name: "days", label: t("tokenDays"), type: "number", defaultValue: "90", min: 1, max: TOKEN_MAX_DAYS, hint: t("tokenDaysHint") },
            ]}
          />
        </section>
      </ScopedMessages>
    </>
  );
}
