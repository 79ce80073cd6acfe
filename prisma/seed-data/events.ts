// The major events of the crisis that the charts mark, each dated by a public
// source: the seed documents where they date it (CRS In Focus IF10116, The
// New Humanitarian 2022), Security Council resolutions (undocs.org symbol
// addresses, stable), and Wikipedia only where nothing better gives the day.
// A period has an end date; region null is national (every region's charts
// mark it). Loaded by lib/data/seed.ts, keyed by (title, startDate).

export interface EventSeed {
  title: string;
  titleFr: string;
  startDate: string;
  endDate: string | null;
  region: string | null;
  sourceUrl: string;
  note: string;
}

const CRS_2021 = "https://crsreports.congress.gov/product/pdf/IF/IF10116";
const TNH_2022 = "https://www.thenewhumanitarian.org/news/2022/03/21/Mali-crisis-Barkhane-Sieges-sanctions-hunger-Wagner";

export const EVENTS: EventSeed[] = [
  {
    title: "MNLA rebellion begins in the north",
    titleFr: "Début de la rébellion du MNLA dans le Nord",
    startDate: "2012-01-17",
    endDate: null,
    region: null,
    sourceUrl: "https://undocs.org/S/RES/2056(2012)",
    note: "Attacks on the Malian army in the north from 17 January 2012 (Security Council resolution 2056, 5 July 2012); the MNLA's rebellion is the start of the crisis in CRS In Focus IF10116.",
  },
  {
    title: "Military coup in Bamako",
    titleFr: "Coup d’État militaire à Bamako",
    startDate: "2012-03-22",
    endDate: null,
    region: null,
    sourceUrl: "https://undocs.org/S/RES/2056(2012)",
    note: "The mutiny of 22 March 2012 that overthrew President Amadou Toumani Touré (Security Council resolution 2056).",
  },
  {
    title: "French intervention (Operation Serval)",
    titleFr: "Intervention française (opération Serval)",
    startDate: "2013-01-11",
    endDate: null,
    region: null,
    sourceUrl: "https://en.wikipedia.org/wiki/Operation_Serval",
    note: "French forces stop the armed groups' offensive towards the south at the request of the transitional authorities (welcomed by Security Council resolution 2100); 'French military intervention against Islamist groups in early 2013' (CRS In Focus IF10116).",
  },
  {
    title: "MINUSMA established",
    titleFr: "Création de la MINUSMA",
    startDate: "2013-04-25",
    endDate: null,
    region: null,
    sourceUrl: "https://undocs.org/S/RES/2100(2013)",
    note: "Security Council resolution 2100 establishes the UN Multidimensional Integrated Stabilization Mission in Mali, deployed from 1 July 2013.",
  },
  {
    title: "Algiers peace agreement signed",
    titleFr: "Signature de l’accord de paix d’Alger",
    startDate: "2015-05-15",
    endDate: "2015-06-20",
    region: null,
    sourceUrl: "https://undocs.org/S/RES/2227(2015)",
    note: "The Agreement on Peace and Reconciliation in Mali, signed by the Government and the Platform on 15 May 2015 and by the Coordination des mouvements de l’Azawad on 20 June 2015 (Security Council resolution 2227).",
  },
  {
    title: "Attack on the Radisson Blu hotel, Bamako",
    titleFr: "Attaque de l’hôtel Radisson Blu à Bamako",
    startDate: "2015-11-20",
    endDate: null,
    region: "ML09",
    sourceUrl: CRS_2021,
    note: "Bamako 'has seen several terrorist attacks, including a 2015 assault at a hotel that killed 19 civilians' (CRS In Focus IF10116, 2021).",
  },
  {
    title: "Military coup ousts President Keïta",
    titleFr: "Coup d’État militaire contre le président Keïta",
    startDate: "2020-08-18",
    endDate: null,
    region: null,
    sourceUrl: CRS_2021,
    note: "'The military's ouster of the elected president in August 2020' (CRS In Focus IF10116, 2021).",
  },
  {
    title: "Second coup: the transition's civilian leaders overthrown",
    titleFr: "Second coup d’État : renversement des dirigeants civils de la transition",
    startDate: "2021-05-24",
    endDate: null,
    region: null,
    sourceUrl: CRS_2021,
    note: "'In May 2021, the same soldiers overthrew the transitional civilian leaders whom they had put in place' (CRS In Focus IF10116, 2021).",
  },
  {
    title: "ECOWAS sanctions",
    titleFr: "Sanctions de la CEDEAO",
    startDate: "2022-01-09",
    endDate: "2022-07-03",
    region: null,
    sourceUrl: TNH_2022,
    note: "Economic and financial sanctions 'imposed in January by the Economic Community of West African States after the junta proposed plans to delay elections until 2025' (The New Humanitarian, March 2022): decided by the ECOWAS summit of 9 January 2022, lifted by its summit of 3 July 2022.",
  },
  {
    title: "French withdrawal (Operation Barkhane)",
    titleFr: "Retrait français (opération Barkhane)",
    startDate: "2022-02-17",
    endDate: "2022-08-15",
    region: null,
    sourceUrl: "https://en.wikipedia.org/wiki/Operation_Barkhane",
    note: "France and its European partners announce their withdrawal on 17 February 2022 (The New Humanitarian, March 2022); the last Barkhane troops leave Mali on 15 August 2022.",
  },
  {
    title: "End of MINUSMA",
    titleFr: "Fin de la MINUSMA",
    startDate: "2023-06-30",
    endDate: "2023-12-31",
    region: null,
    sourceUrl: "https://undocs.org/S/RES/2690(2023)",
    note: "Security Council resolution 2690 (30 June 2023) ends the mandate and orders the withdrawal, completed on 31 December 2023.",
  },
];
