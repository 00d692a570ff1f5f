// Other names the screener's search knows a company or a contract party by. The dataset has no field for
// them: a rename sits in an event, a transaction's description or an update file's note, and a tenant's
// parent or end user in a contract note. Each alias is declared once, here, with the source URL the
// project's data gives for it (prisma/miners-2025-11.json or prisma/updates/) and where that is stated;
// aliases.test.ts checks every URL and quoted name against those files. Search only: nothing here is scored.

export interface Stated {
  /** a source URL the dataset (or an update file) cites for this */
  source: string;
  /** where the data says it, in a few words */
  statedIn: string;
}

export type CompanyAliasKind = "formerName" | "newName" | "formerTicker" | "newTicker";

export interface CompanyAlias extends Stated {
  kind: CompanyAliasKind;
  value: string;
}

/**
 * Former and later names and tickers by the ticker the dataset files the company under. IREN's former
 * name (Iris Energy) is in its dataset name, "IREN Limited (formerly Iris Energy)", with no source of its
 * own, so it is found through the name and needs no entry.
 */
export const COMPANY_ALIASES: Readonly<Record<string, readonly CompanyAlias[]>> = {
  CIFR: [
    {
      kind: "newName",
      value: "Cipher Digital Inc.",
      source: "https://www.bitget.online/news/detail/12560605224279?channelCode=SSSS&vipCode=s1pz",
      statedIn: 'CIFR event 2026-02-24: "Renamed Cipher Digital Inc."',
    },
  ],
  BITF: [
    {
      kind: "newName",
      value: "Keel Infrastructure",
      source: "https://secwatch.observer/filing/0001213900-26-067042.md",
      statedIn: 'BITF balance-sheet event 2026-06: "Keel Infrastructure (ex-Bitfarms) closed $458M …"',
    },
    {
      kind: "newTicker",
      value: "KEEL",
      source: "https://orbyd.app/dossiers/KEEL/",
      statedIn: 'prisma/updates/2026-h1.json, BITF share price note: "Ticker changed BITF->KEEL on 2026-04-06"',
    },
  ],
  MARA: [
    {
      kind: "formerName",
      value: "Marathon Digital",
      source: "https://www.tickerreport.com/banking-finance/13360044/marathon-digital-nasdaqmara-announces-earnings-results.html",
      statedIn: 'MARA event 2026-02-26, its source\'s title: "Marathon Digital (NASDAQ:MARA) announces earnings results"',
    },
  ],
};

/**
 * Names of one contract party. A counterparty or guarantor whose text mentions any of them (as a word) is
 * also found by the others: "aws" finds "Amazon Web Services", "alphabet" a guarantor written "Google".
 */
export interface PartyAlias extends Stated {
  names: readonly string[];
}

export const PARTY_ALIASES: readonly PartyAlias[] = [
  {
    names: ["Amazon Web Services", "AWS", "Amazon"],
    source: "https://www.mexc.fm/ms-MY/news/cipher-mining-cifr-stock-company-signs-5-5-billion-amazon-web-services-lease-agreement/152384",
    statedIn: 'CIFR-AWS-2025: counterparty "Amazon Web Services"; note "AWS brings the IT equipment … Amazon\'s S&P rating"',
  },
  {
    names: ["Google", "Alphabet"],
    source: "https://blockonomi.com/cipher-mining-gains-3b-ai-contract-google-takes-equity-stake",
    statedIn: 'guarantor "Google (Alphabet)" of the Fluidstack leases at CIFR, WULF and HUT',
  },
  {
    names: ["Core42", "G42"],
    source: "https://theminermag.com/news/2024-12-23/terawulf-bitcoin-mining-ai-core42",
    statedIn: 'WULF-CORE42-2024: counterparty "Core42 (G42)"',
  },
  {
    names: ["Advanced Micro Devices", "AMD"],
    source: "https://www.stocktitan.net/news/RIOT/riot-announces-fee-simple-acquisition-of-land-and-first-data-center-lifxve642vej.html",
    statedIn: 'RIOT-AMD-2026: counterparty "Advanced Micro Devices (AMD)"',
  },
];

/**
 * Who stands behind a counterparty, named elsewhere in the data: the tenant's own customer (end user), or
 * the tenant a contract calls undisclosed. Keyed by the company and the counterparty as the contract
 * names it, so it is found only while that contract counts. Anthropic needs no entry: HUT's counterparty
 * is written "Fluidstack (for Anthropic)".
 */
export interface NamedParty extends Stated {
  ticker: string;
  counterparty: string;
  role: "endUser" | "tenant";
  name: string;
}

export const NAMED_PARTIES: readonly NamedParty[] = [
  {
    ticker: "CORZ",
    counterparty: "CoreWeave",
    role: "endUser",
    name: "OpenAI",
    source:
      "https://ts2.tech/en/core-scientific-stock-nasdaq-corz-drops-on-dec-16-2025-coreweave-data-center-delay-analyst-forecasts-and-what-investors-are-watching-next",
    statedIn: 'CORZ event 2025-12-16: the ~260 MW Denton campus, "CoreWeave is to lease the capacity to OpenAI"',
  },
  {
    ticker: "APLD",
    counterparty: "Undisclosed U.S. investment-grade hyperscaler",
    role: "tenant",
    name: "Oracle",
    source: "https://secwatch.observer/filing/0001493152-26-008772.txt",
    statedIn: 'APLD balance-sheet event 2026-03: notes "(Polaris Forge 2, Oracle lease)"; APLD-IGHYPER-2025 is the Polaris Forge 2 lease',
  },
];
