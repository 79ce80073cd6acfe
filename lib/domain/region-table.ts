// The region comparison table's order (/regions): a column and a direction
// in the query (?sort=idps_rate&dir=desc), so a link keeps the view. Pure.

export type SortDir = "asc" | "desc";

export interface TableSort {
  column: string;
  dir: SortDir;
}

export interface SortableRow {
  name: string;
  /** Column → number; null is no value ("—"). */
  values: Record<string, number | null>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sort a query asks for among `columns` ("name" and number columns); else by name, A to Z. */
export function parseTableSort(query: Record<string, string | string[] | undefined>, columns: readonly string[]): TableSort {
  const column = first(query.sort);
  const dir = first(query.dir);
  if (!column || !columns.includes(column)) return { column: "name", dir: "asc" };
  return { column, dir: dir === "asc" || dir === "desc" ? dir : column === "name" ? "asc" : "desc" };
}

/**
 * Rows in the asked order. A row without a value in the column comes last
 * whichever the direction (no data is not the smallest number); equal values
 * keep the names' order.
 */
export function sortRegionRows<R extends SortableRow>(rows: readonly R[], sort: TableSort, locale: string): R[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const byName = (a: R, b: R) => collator.compare(a.name, b.name);
  const sign = sort.dir === "asc" ? 1 : -1;
  if (sort.column === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const x = a.values[sort.column] ?? null;
    const y = b.values[sort.column] ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The sort a column's button asks for: the other direction on the shown column; a new number column largest first. */
export function nextSort(current: TableSort, column: string): TableSort {
  if (current.column === column) return { column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { column, dir: column === "name" ? "asc" : "desc" };
}
