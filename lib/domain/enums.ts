// Controlled vocabularies. Stored as strings in the database (portable schema); checked here.
export const SITE_STAGES = ["operating", "under_construction", "approved", "pipeline"] as const;
export const SITE_USES = ["mining", "hpc", "mixed", "idle", "other"] as const;
export const CONTRACT_STRUCTURES = ["colocation", "gpu_cloud"] as const;
export const LEASE_TYPES = ["NNN", "modified_gross", "gross", "cloud"] as const;
export const MW_BASES = ["critical_it", "gross", "unknown"] as const;
export const CONTRACT_STATUSES = ["signed", "under_construction", "partially_delivered", "delivered"] as const;
export const COUNTERPARTY_KINDS = ["hyperscaler", "neocloud", "ai_lab", "chipmaker", "other"] as const;
export const EVENT_KINDS = ["contract", "capacity", "financing", "corporate"] as const;
export const POWER_STRATEGIES = ["power-first", "hashrate-first", "mixed"] as const;
export const SHARE_BASES = ["basic", "diluted"] as const;
/** What a site's IT MW figure covers (methodology §10.3). */
export const IT_MW_SCOPES = ["site", "phase"] as const;
/** Dated balance-sheet transactions (methodology §10.1). */
export const BALANCE_SHEET_EVENT_KINDS = [
  "debt_issue",
  "debt_repayment",
  "equity_issue",
  "preferred_issue",
  "buyback",
  "btc_sale",
  "btc_purchase",
  "other",
] as const;

export type SiteStage = (typeof SITE_STAGES)[number];
export type SiteUse = (typeof SITE_USES)[number];
export type ContractStructure = (typeof CONTRACT_STRUCTURES)[number];
export type LeaseType = (typeof LEASE_TYPES)[number];
export type MwBasis = (typeof MW_BASES)[number];
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type ItMwScope = (typeof IT_MW_SCOPES)[number];
export type BalanceSheetEventKind = (typeof BALANCE_SHEET_EVENT_KINDS)[number];

/** The longest analyst note (issue 13): enough for a page of reasoning, short of a pasted filing. */
export const NOTE_MAX_CHARS = 10_000;
