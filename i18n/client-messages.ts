// Only the namespaces client components use travel to the browser (every
// page's payload carries them); pages with forms add their own.
import type { AbstractIntlMessages } from "next-intl";

export const CLIENT_NAMESPACES = ["charts", "filters", "map", "login", "error", "downloads", "database", "share"] as const;

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns] ?? {}]));
}
