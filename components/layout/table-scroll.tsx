import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this box on a phone instead of
 * widening the page. `focusable` for tables with no link or button of their
 * own, so that keyboard users can scroll them too.
 */
export function TableScroll({ children, focusable = false }: { children: ReactNode; focusable?: boolean }) {
  return (
    <div className="table-scroll" tabIndex={focusable ? 0 : undefined}>
      {children}
    </div>
  );
}
