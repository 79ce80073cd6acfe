"use client";
// Closing a pop-up (a menu, a disclosure) while it is open: Escape, or a press
// outside `root`. One rule for the chart Export menu and the snapshot's Download.
import { useEffect, type RefObject } from "react";

/** While `open`, calls `close(true)` on Escape and `close(false)` on a mouse press outside `root`. */
export function useDismiss(open: boolean, root: RefObject<Element | null>, close: (byEscape: boolean) => void): void {
  useEffect(() => {
    if (!open) return;
    const onEvent = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key === "Escape") close(true);
      } else if (!root.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("mousedown", onEvent);
    document.addEventListener("keydown", onEvent);
    return () => {
      document.removeEventListener("mousedown", onEvent);
      document.removeEventListener("keydown", onEvent);
    };
  }, [open, root, close]);
}
