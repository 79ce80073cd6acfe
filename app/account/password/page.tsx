import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { ScopedMessages } from "@/components/layout/scoped-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("mustChangeTitle") };
}

/** Where requireUser sends a user whose password an admin reset (it cannot use requireUser itself). */
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("admin");
  return (
    <>
      <h1>{t("mustChangeTitle")}</h1>
      {user.mustChangePassword && <p className="lead">{t("mustChangeIntro")}</p>}
      <ScopedMessages namespaces={["admin"]}>
        <ChangePasswordForm />
      </ScopedMessages>
    </>
  );
}
