import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { SiteHeader } from "@/components/layout/site-header";
import { UnpublishedBanner } from "@/components/layout/unpublished-switch";
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
  const user = await currentUser().catch(() => null);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <SiteHeader user={user} />
          <UnpublishedBanner user={user} />
          <main id="main">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
