"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this box on a phone instead of
 * widening the page. `focusable` for tables with no link or button of their
 * own: the box is then a tab stop while it actually scrolls, so keyboard
 * users can scroll it, and no stop at all on a screen wide enough.
 */
export function TableScroll({ children, focusable = false }: { children: ReactNode; focusable?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!focusable || !el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [focusable]);
  return (
    <div ref={box} className="table-scroll" tabIndex={focusable && scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}
