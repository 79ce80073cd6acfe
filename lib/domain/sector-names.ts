// The OCHA FTS global clusters in French, for display only: figures keep the
// English name FTS publishes (it is part of their key, and exports and the
// HXL round trip carry it unchanged). An unknown sector shows as written.
const FRENCH: Record<string, string> = {
  agriculture: "Agriculture",
  "camp coordination / management": "Coordination et gestion des camps",
  "coordination and support services": "Coordination et services de soutien",
  "covid-19": "COVID-19",
  "early recovery": "Relèvement précoce",
  education: "Éducation",
  "emergency shelter and nfi": "Abris d'urgence et articles non alimentaires",
  "emergency telecommunications": "Télécommunications d'urgence",
  "food security": "Sécurité alimentaire",
  health: "Santé",
  logistics: "Logistique",
  "multi-sector": "Multisectoriel",
  "multiple clusters/sectors (shared)": "Plusieurs clusters/secteurs (partagé)",
  "multipurpose cash": "Transferts monétaires à usages multiples",
  "not specified": "Non spécifié",
  nutrition: "Nutrition",
  other: "Autre",
  protection: "Protection",
  "protection - child protection": "Protection – Protection de l'enfance",
  "protection - gender-based violence": "Protection – Violences basées sur le genre",
  "protection - housing, land and property": "Protection – Logement, terre et propriété",
  "protection - mine action": "Protection – Lutte antimines",
  "water sanitation hygiene": "Eau, hygiène et assainissement",
};

export function sectorName(sector: string, lang: "en" | "fr"): string {
  if (lang === "en") return sector;
  return FRENCH[sector.trim().toLowerCase()] ?? sector;
}
