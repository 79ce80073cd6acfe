import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { getUser, listTokens } from "@/lib/data/user-admin";
import { scopeFields } from "@/components/admin/scope-fields";
import { userIdSchema } from "@/lib/validation/users";
import { ActionForm } from "@/components/admin/action-form";
import { TokenTable } from "@/components/admin/token-table";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { changeRoleAction, resetPasswordAction, setActiveAction, setScopeAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("usersTitle") };
}

export default async function UserPage({ params }: Props) {
  const actor = await requireUser("users:manage");
  const id = userIdSchema.safeParse((await params).id);
  const user = id.success ? await getUser(id.data) : null;
  if (!user) notFound();
  const [t, tr, tokens, scope] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listTokens(user.id), scopeFields(user.scope)]);
  const self = actor.id === user.id;
  const hidden = { id: String(user.id) };
  return (
    <>
      <p>
        <Link href="/admin/users">← {t("back")}</Link>
      </p>
      <h1>{t("userTitle", { email: user.email })}</h1>
      <p>
        {user.name} · {tr(user.role)} · {user.active ? t("active") : t("disabled")}
        {user.mustChangePassword && ` (${t("mustChange")})`}
      </p>
      <ScopedMessages namespaces={["admin"]}>
        {!self && (
          <section aria-labelledby="role-heading">
            <h2 id="role-heading">{t("changeRole")}</h2>
            <ActionForm action={changeRoleAction} hidden={hidden} submitLabel={t("saveRole")} fields={[{ name: "role", label: t("role"), type: "select", defaultValue: user.role, options: ROLES.map((r) => ({ value: r, label: tr(r) })) }]} />
            <ActionForm
              action={setActiveAction}
              hidden={{ ...hidden, active: String(!user.active) }}
              submitLabel={user.active ? t("disable") : t("enable")}
              danger={user.active}
              confirm={user.active ? t("disableConfirm", { email: user.email }) : undefined}
            />
          </section>
        )}
        <section aria-labelledby="scope-heading">
          <h2 id="scope-heading">{t("scopeTitle")}</h2>
          <p className="hint">{t("scopeIntro")}</p>
          <ActionForm action={setScopeAction} hidden={hidden} submitLabel={t("saveScope")} fields={scope} className="admin-form scope-form" />
        </section>
        <section aria-labelledby="reset-heading">
          <h2 id="reset-heading">{t("resetPassword")}</h2>
          <p className="hint">{t("resetPasswordHint")}</p>
          <ActionForm action={resetPasswordAction} hidden={hidden} submitLabel={t("resetPassword")} fields={[{ name: "password", label: t("temporaryPassword"), type: "password", autoComplete: "new-password" }]} />
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">{t("tokens")}</h2>
          <TokenTable tokens={tokens} caption={t("tokens")} />
        </section>
      </ScopedMessages>
    </>
  );
}
