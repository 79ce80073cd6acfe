import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages } from "@/i18n/client-messages";

/** The import pages' messages travel only to them. */
export async function ImportsMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...CLIENT_NAMESPACES, "imports"])}>{children}</NextIntlClientProvider>;
}
