// A user's scope in words, for the users list: "Mopti, Ségou · 2 datasets ·
// reading limited", or "Everywhere". Pure: the caller gives region names and
// the words in the reader's language.
import type { Scope } from "../auth/scope";

export interface ScopeWords {
  everywhere: string;
  datasets: (count: number) => string;
  readingLimited: string;
}

export function scopeSummary(scope: Scope, regionName: (pcode: string) => string, words: ScopeWords): string {
  const parts: string[] = [];
  if (scope.regions.length) parts.push(scope.regions.map(regionName).join(", "));
  if (scope.datasets.length) parts.push(words.datasets(scope.datasets.length));
  // Reading limited by no limit limits nothing: not worth a word.
  if (!parts.length) return words.everywhere;
  if (scope.readScoped) parts.push(words.readingLimited);
  return parts.join(" · ");
}
