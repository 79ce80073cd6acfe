import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages } from "@/i18n/client-messages";

/** The form's messages travel only to the pages that show it. */
export async function FigureFormMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...CLIENT_NAMESPACES, "figureForm", "figureErrors", "review"])}>{children}</NextIntlClientProvider>;
}
