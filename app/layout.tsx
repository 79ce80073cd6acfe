import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { headers } from "next/headers";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { SiteHeader } from "@/components/layout/site-header";
import { UnpublishedBanner } from "@/components/layout/unpublished-switch";
import { PublicModeProvider } from "@/components/layout/public-mode";
import { PUBLIC_LINK_HEADER } from "@/lib/domain/public-link-pages";
import { CLIENT_NAMESPACES, pickMessages } from "@/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const clientMessages = pickMessages(messages, CLIENT_NAMESPACES);
  // A public link's page (the proxy sets the header on /p/* only): no navigation, no account, no share tools.
  const publicLink = (await headers()).get(PUBLIC_LINK_HEADER) === "1";
  const user = publicLink ? null : await currentUser().catch(() => null);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          {publicLink ? <PublicHeader /> : <SiteHeader user={user} />}
          {/* A public link shows published figures only, whatever a reviewer's switch says: no banner there. */}
          {!publicLink && <UnpublishedBanner user={user} />}
          <PublicModeProvider value={publicLink}>
            <main id="main">{children}</main>
          </PublicModeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

/** The app's name, leading nowhere: a public link's visitor reads one page. */
async function PublicHeader() {
  const t = await getTranslations("app");
  return (
    <header className="site-header public-header">
      <span className="brand">{t("name")}</span>
    </header>
  );
}
