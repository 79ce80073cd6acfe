// The most common passwords, most frequent first: the 49,233-entry list that
// zxcvbn-ts ships (derived from the SecLists "10 million passwords" frequency
// list), pinned in package.json. Loaded once per process (about 400 kB): keep
// this module out of client components.
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** The number of entries checked against (the policy promises at least 10,000). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** True when `password`, ignoring case and surrounding spaces, is on the list. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}
