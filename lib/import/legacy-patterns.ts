// Mappings once took a regular expression per filter (`matches`), run on
// every row of anyone's file laid out the same way: `^(a+)+$` held a worker
// for 30 s on a 100-byte file. Filters now compare plainly. A mapping saved
// before (in the database, a backup, an API client's JSON) is converted here
// when its pattern is plain text with anchors, as nearly all were (`^MLI$`,
// `^(MLI|ML)$`, `^HMLI`); any other pattern is refused with a message saying
// how to write it (the user saves the mapping again).

/** The comparison a plain pattern meant, or null when it is a real regular expression. */
export function plainPattern(pattern: string): { test: "equals" | "startsWith" | "contains"; values: string[] } | null {
  let body = pattern;
  const start = body.startsWith("^");
  if (start) body = body.slice(1);
  const end = /(^|[^\\])(\\\\)*\$$/.test(body);
  if (end) body = body.slice(0, -1);
  if (end && !start) return null; // "ends with": no such comparison
  const group = /^\((?:\?:)?(.*)\)$/.exec(body);
  const alternatives = group ? splitAlternatives(group[1]!) : [literal(body)];
  if (!alternatives || alternatives.some((a) => a === null)) return null;
  return { test: start && end ? "equals" : start ? "startsWith" : "contains", values: alternatives as string[] };
}

/** `a|b\.c` as ["a", "b.c"]; null when any part is not plain text. */
function splitAlternatives(text: string): (string | null)[] | null {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") current += text[i]! + (text[++i] ?? "");
    else if (text[i] === "|") {
      parts.push(current);
      current = "";
    } else current += text[i];
  }
  parts.push(current);
  return parts.map(literal);
}

/** The text a pattern without metacharacters matches: escaped punctuation counts as itself. */
function literal(text: string): string | null {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      const next = text[++i];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null; // \d, \s, \b, \1…
      out += next;
    } else if (".*+?()[]{}|^$".includes(c)) return null;
    else out += c;
  }
  return out;
}

type Issue = (path: (string | number)[], pattern: unknown) => void;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A condition with `matches` as the conditions it meant (one per alternative), or reported when it has no plain meaning. */
function convertCondition(condition: unknown, path: (string | number)[], issue: Issue): Record<string, unknown>[] | null {
  if (!isObject(condition) || condition.matches === undefined) return null;
  const { matches, ...rest } = condition;
  const plain = typeof matches === "string" ? plainPattern(matches) : null;
  if (!plain || rest[plain.test] !== undefined) {
    issue([...path, "matches"], matches);
    return [rest];
  }
  return plain.values.map((value) => ({ ...rest, [plain.test]: value }));
}

/** The mapping with its filters' plain patterns converted; `issue` hears of every other pattern. */
export function withoutPatterns(mapping: unknown, issue: Issue): unknown {
  if (!isObject(mapping) || !Array.isArray(mapping.filters)) return mapping;
  const filters = mapping.filters.map((filter: unknown, i) => {
    if (isObject(filter) && Array.isArray(filter.anyOf)) {
      return { ...filter, anyOf: filter.anyOf.flatMap((c: unknown, j) => convertCondition(c, ["filters", i, "anyOf", j], issue) ?? [c]) };
    }
    const converted = convertCondition(filter, ["filters", i], issue);
    if (!converted) return filter;
    if (converted.length === 1) return converted[0];
    const reason = (filter as Record<string, unknown>).reason;
    const anyOf = converted.map((c) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== "reason")));
    return { anyOf, ...(reason === undefined ? {} : { reason }) };
  });
  return { ...mapping, filters };
}
