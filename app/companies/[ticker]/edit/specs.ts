// Field lists of the company edit forms, in the order shown. Names match lib/domain/schemas.ts.
import {
  BALANCE_SHEET_EVENT_KINDS,
  CONTRACT_STATUSES,
  CONTRACT_STRUCTURES,
  COUNTERPARTY_KINDS,
  IT_MW_SCOPES,
  LEASE_TYPES,
  MW_BASES,
  SITE_STAGES,
  SITE_USES,
} from "@/lib/domain/enums";
import type { FieldSpec } from "./form-kit";

const opts = (xs: readonly string[]) => xs.map((x) => [x, x.replace(/_/g, " ")] as const);

/** value / as-of / source / note of one sourced figure */
export const factSpecs = (valueLabel: string): FieldSpec[] => [
  { name: "value", label: valueLabel, kind: "number" },
  { name: "asOf", label: "As of", kind: "text", hint: "YYYY-MM-DD or YYYY-MM" },
  { name: "source", label: "Source URL", kind: "text", wide: true },
  { name: "note", label: "Note", kind: "text", optional: true, wide: true },
];

/** the guidance range of a company-stated capex per MW (value = midpoint) */
export const rangeSpecs: FieldSpec[] = [
  { name: "low", label: "Low end of the range", kind: "optionalNumber" },
  { name: "high", label: "High end of the range", kind: "optionalNumber" },
];

export const siteSpecs: FieldSpec[] = [
  { name: "name", label: "Name", kind: "text" },
  { name: "location", label: "Location", kind: "text", optional: true },
  { name: "country", label: "Country", kind: "text", optional: true, hint: "ISO-2, e.g. US, NO, PY; empty = not known (valued as remote)" },
  { name: "companyShare", label: "Company share (0–1)", kind: "number", hint: "1 = wholly owned; 0.501 for a 50.1% joint venture" },
  {
    name: "itMwScope",
    label: "IT figure covers",
    kind: "select",
    optional: true,
    options: opts(IT_MW_SCOPES),
    hint: "phase: a first hall or building only (the site is then at least gross × IT/gross)",
  },
  { name: "stage", label: "Stage", kind: "select", options: opts(SITE_STAGES) },
  { name: "use", label: "Use", kind: "select", options: opts(SITE_USES) },
  { name: "expectedEnergization", label: "Expected energization", kind: "text", optional: true },
  { name: "ownership", label: "Ownership", kind: "text", optional: true },
  { name: "source", label: "Site source URL", kind: "text", optional: true, wide: true },
  { name: "note", label: "Note", kind: "textarea", optional: true, wide: true },
];

export const contractSpecs = (siteNames: string[]): FieldSpec[] => [
  { name: "id", label: "Code", kind: "text", hint: "unique, e.g. IREN-MSFT-2025" },
  { name: "counterparty", label: "Counterparty", kind: "text" },
  { name: "counterpartyKind", label: "Counterparty kind", kind: "select", optional: true, options: opts(COUNTERPARTY_KINDS) },
  { name: "counterpartyRating", label: "Counterparty rating", kind: "text", optional: true, hint: "S&P or Moody's, e.g. BBB+ or Ba3" },
  { name: "guarantor", label: "Guarantor", kind: "text", optional: true },
  { name: "guarantorRating", label: "Guarantor rating", kind: "text", optional: true },
  { name: "backstopUsd", label: "Backstop (USD)", kind: "optionalNumber" },
  { name: "structure", label: "Structure", kind: "select", options: opts(CONTRACT_STRUCTURES) },
  { name: "leaseType", label: "Lease type", kind: "select", optional: true, options: opts(LEASE_TYPES) },
  {
    name: "site",
    label: "Site",
    kind: "select",
    optional: true,
    options: siteNames.map((n) => [n, n] as const),
    hint: "one site; for several, use allocations below",
  },
  {
    name: "siteAllocations",
    label: "Site allocations (IT MW per site)",
    kind: "allocations",
    options: siteNames.map((n) => [n, n] as const),
    wide: true,
    hint: "critical-IT MW on each of the company's sites, whatever the contract's MW basis; MW not allocated fill the company's hpc/mixed sites, then count as site unknown",
  },
  { name: "itMw", label: "MW", kind: "optionalNumber" },
  { name: "itMwBasis", label: "MW basis", kind: "select", options: opts(MW_BASES) },
  { name: "tenorYears", label: "Tenor (years)", kind: "optionalNumber" },
  { name: "totalValueUsd", label: "Total value (USD)", kind: "optionalNumber" },
  { name: "status", label: "Status", kind: "select", options: opts(CONTRACT_STATUSES) },
  { name: "deliveredItMw", label: "Delivered MW", kind: "optionalNumber" },
  { name: "companyGpuCapexUsd", label: "Company GPU capex (USD)", kind: "optionalNumber" },
  { name: "prepaymentUsd", label: "Prepayment (USD)", kind: "optionalNumber" },
  { name: "companyFundedCapexUsd", label: "Company building capex (USD)", kind: "optionalNumber" },
  {
    name: "companyFundedCapexMw",
    label: "IT MW that capex covers",
    kind: "optionalNumber",
    hint: "when the stated capex covers only a phase; critical-IT MW",
  },
  { name: "tenantFundedCapexShare", label: "Tenant-funded capex share (0–1)", kind: "optionalNumber" },
  {
    name: "companyShare",
    label: "Company share (0–1)",
    kind: "number",
    hint: "of a joint venture's contract; its MW, value and capex count at this share",
  },
  { name: "signedDate", label: "Signed", kind: "text", optional: true, hint: "YYYY, YYYY-MM or YYYY-MM-DD" },
  { name: "rentStart", label: "Rent start", kind: "text", optional: true },
  { name: "extensionOptions", label: "Extension options", kind: "text", optional: true, wide: true },
  { name: "sources", label: "Source URLs (one per line)", kind: "urls", wide: true },
  { name: "note", label: "Note", kind: "textarea", optional: true, wide: true },
];

export const balanceSheetEventSpecs: FieldSpec[] = [
  { name: "date", label: "Date", kind: "text", hint: "YYYY-MM-DD or YYYY-MM (a month counts at its end)" },
  { name: "kind", label: "Kind", kind: "select", options: opts(BALANCE_SHEET_EVENT_KINDS) },
  { name: "description", label: "Description", kind: "textarea", wide: true },
  { name: "cashDeltaUsd", label: "Cash change (USD)", kind: "optionalNumber", hint: "net proceeds in; cash out negative" },
  { name: "debtDeltaUsd", label: "Debt change (USD)", kind: "optionalNumber" },
  { name: "preferredDeltaUsd", label: "Preferred change (USD)", kind: "optionalNumber" },
  {
    name: "committedDeltaUsd",
    label: "Committed financing change (USD)",
    kind: "optionalNumber",
    hint: "a draw moves committed financing into cash",
  },
  { name: "sharesDelta", label: "Shares change", kind: "optionalNumber" },
  { name: "btcDelta", label: "Bitcoin change (BTC)", kind: "optionalNumber" },
  { name: "sources", label: "Source URLs (one per line)", kind: "urls", wide: true },
  { name: "note", label: "Note", kind: "textarea", optional: true, wide: true },
];

export const siteChangeSpecs = (siteNames: string[]): FieldSpec[] => [
  { name: "site", label: "Site", kind: "select", options: siteNames.map((n) => [n, n] as const) },
  { name: "date", label: "From", kind: "text", hint: "YYYY-MM-DD or YYYY-MM (a month counts from its end)" },
  { name: "stage", label: "New stage", kind: "select", optional: true, options: opts(SITE_STAGES) },
  { name: "grossMw", label: "New gross MW", kind: "optionalNumber" },
  { name: "itMw", label: "New IT MW", kind: "optionalNumber" },
  { name: "source", label: "Source URL", kind: "text", wide: true },
  { name: "note", label: "Note", kind: "textarea", optional: true, wide: true },
];
