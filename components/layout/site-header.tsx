import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/data/users";
import { can, type Permission } from "@/lib/auth/permissions";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "./logout-button";
import { NavLink } from "./nav-link";
import { CopyLink } from "@/components/share/copy-link";
import { SaveView } from "@/components/share/save-view";
import { reviewCount } from "@/lib/data/review";
import { includeUnpublishedChosen } from "@/lib/auth/page-visibility";
import { UnpublishedSwitch } from "./unpublished-switch";
import { CreatePublicLink } from "@/components/share/create-public-link";

const NAV = [
  { href: "/", label: "overview" },
  { href: "/displacement", label: "displacement" },
  { href: "/food-security", label: "foodSecurity" },
  { href: "/funding", label: "funding" },
  { href: "/map", label: "map" },
  { href: "/regions", label: "regions" },
  { href: "/compare", label: "compare" },
  { href: "/events", label: "events" },
  { href: "/figures", label: "figures" },
  { href: "/imports", label: "imports" },
  { href: "/views", label: "views" },
] as const;

/** Each shown to the roles its page admits (the datasets page: every signed-in user reads it). */
const ADMIN_NAV = [
  { href: "/admin/datasets", label: "datasets", permission: "figures:read" },
  { href: "/admin/users", label: "users", permission: "users:manage" },
  { href: "/admin/tokens", label: "tokens", permission: "users:manage" },
  { href: "/admin/links", label: "links", permission: "links:manage" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations();
  // Reviewers see how much waits for them, on every page, and may include unpublished figures on every page; the banner says so while it is on.
  const reviewer = user !== null && can(user.role, "figures:review");
  const waiting = reviewer ? await reviewCount(user) : null;
  const including = reviewer && (await includeUnpublishedChosen());
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t("app.name")}
      </Link>
      {user && (
        <nav aria-label={t("nav.main")}>
          <ul>
            {[...NAV, ...ADMIN_NAV.filter((item) => can(user.role, item.permission))].map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(`nav.${item.label}`)}</NavLink>
              </li>
            ))}
            {waiting !== null && (
              <li>
                <NavLink href="/review" label={t("nav.reviewWaiting", { count: waiting })}>
                  {t("nav.review")}{" "}
                  <span className={waiting ? "nav-badge" : "nav-badge is-empty"} aria-hidden="true">
                    {waiting}
                  </span>
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      )}
      <div className="header-end">
        {/* Share this page: its address, filters included, copied or saved by name. */}
        <div className="share-tools">
          <CopyLink />
          {user && <SaveView />}
          {user && can(user.role, "links:manage") && <CreatePublicLink />}
        </div>
        <LocaleSwitch />
        {reviewer && <UnpublishedSwitch on={including} />}
        {user && (
          <>
            <span>{t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
            <Link href="/account">{t("nav.account")}</Link>
            <LogoutButton label={t("nav.logout")} />
          </>
        )}
      </div>
    </header>
  );
}
