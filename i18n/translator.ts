// The app's messages for a language given by the caller, outside a page
// request (the sitrep pack: its language is a parameter; tests call it
// directly). Pages use next-intl's request helpers instead.
import { createTranslator } from "use-intl/core";
import en from "../messages/en.json";
import fr from "../messages/fr.json";
import type { Locale } from "./locales";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const MESSAGES = { en, fr } as const;

/** `t(key, values)` over one namespace of messages/<locale>.json. */
export function translator(locale: Locale, namespace: string): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown>, namespace: namespace as never }) as unknown as Translate;
  return (key, values) => t(key, values);
}
