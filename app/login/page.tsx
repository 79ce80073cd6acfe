import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/session";
import { LoginForm } from "@/components/layout/login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a same-site path may follow login (no open redirect).
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  if (await currentUser().catch(() => null)) redirect(callbackUrl);
  const t = await getTranslations("login");
  return (
    <div className="login card">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {params.passwordChanged === "1" && <p role="status">{t("passwordChanged")}</p>}
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
