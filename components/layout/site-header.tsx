import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/data/users";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "./logout-button";

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t("app.name")}
      </Link>
      {user && (
        <nav aria-label={t("nav.main")}>
          <ul>
            <li>
              <Link href="/">{t("nav.overview")}</Link>
            </li>
          </ul>
        </nav>
      )}
      <div className="header-end">
        <LocaleSwitch />
        {user && (
          <>
            <span>{t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
            <LogoutButton label={t("nav.logout")} />
          </>
        )}
      </div>
    </header>
  );
}
