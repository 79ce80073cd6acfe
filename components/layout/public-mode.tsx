"use client";

// Whether this page is shown through a public read-only link (app/p/[token]):
// then it leads nowhere else. The root layout provides it (from the header the
// proxy sets on /p/*); AppLink, the map's areas and the filter bars ask it.
import { createContext, useContext, type ReactNode } from "react";

const PublicMode = createContext(false);

export function PublicModeProvider({ value, children }: { value: boolean; children: ReactNode }) {
  return <PublicMode.Provider value={value}>{children}</PublicMode.Provider>;
}

export function usePublicMode(): boolean {
  return useContext(PublicMode);
}
