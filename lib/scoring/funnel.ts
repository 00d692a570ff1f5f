// Methodology §4: split every site's IT MW into the S1–S6 blocks and weight them.
import type { Assumptions } from "./assumptions";
import type { CompanyScore, Funnel, ScoringCompany, ScoringContract, ScoringSite } from "./types";

const ENERGIZED: ReadonlySet<string> = new Set(["operating", "under_construction"]);

/** IT MW of a site: disclosed IT MW, else gross × itPerGrossMw, else unknown. */
export function siteItMw(site: ScoringSite, a: Assumptions): number | null {
  if (site.itMw != null) return site.itMw;
  if (site.grossMw != null) return site.grossMw * a.itPerGrossMw;
  return null;
}

/** A contract's MW on the critical-IT basis (gross-basis contracts are converted). */
export function contractItMw(c: ScoringContract, a: Assumptions): number | null {
  if (c.itMw == null) return null;
  return c.itMwBasis === "gross" ? c.itMw * a.itPerGrossMw : c.itMw;
}

/** Delivered IT MW; a contract marked delivered with no figure counts as fully delivered. */
export function contractDeliveredItMw(c: ScoringContract, a: Assumptions): number {
  const total = contractItMw(c, a);
  if (c.deliveredItMw == null) return c.status === "delivered" && total != null ? total : 0;
  const delivered = c.itMwBasis === "gross" ? c.deliveredItMw * a.itPerGrossMw : c.deliveredItMw;
  return total == null ? delivered : Math.min(delivered, total);
}

/** The MW fields of CompanyScore, plus what the rest of the scoring needs from the funnel. */
export interface FunnelResult
  extends Pick<CompanyScore, "funnel" | "itMwEffective" | "contractedItMw" | "deliveredItMw" | "energizedGrossMw" | "totalGrossMw"> {
  /** undelivered IT MW per contract, in contract order */
  undelivered: number[];
  warnings: string[];
}

const fmt = (mw: number) => `${Math.round(mw * 10) / 10} MW`;

/** `explain: false` skips the warnings (for callers that read the numbers only, e.g. a sweep). */
export function computeFunnel(company: ScoringCompany, a: Assumptions, explain = true): FunnelResult {
  const funnel: Funnel = { s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0 };
  const warnings: string[] = [];
  const sites = company.sites;
  const contracts = company.contracts;
  const undelivered: number[] = [];
  // Contracted IT MW per site name, kept at the index of the last site with that name (a site is looked
  // up by name and the last one wins). Plain arrays and scans: companies have a handful of sites.
  let contractedOnSite: number[] | null = null;
  let contractedItMw = 0;
  let deliveredItMw = 0;

  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i];
    const it = contractItMw(c, a);
    if (it == null) {
      if (explain) warnings.push(`${c.code}: MW not disclosed — counted as 0 MW`);
      undelivered.push(0);
      continue;
    }
    if (explain) {
      if (c.itMwBasis === "unknown") warnings.push(`${c.code}: MW basis not stated — ${fmt(it)} taken as IT MW`);
      if (c.itMwBasis === "gross") warnings.push(`${c.code}: ${fmt(c.itMw!)} gross × ${a.itPerGrossMw} = ${fmt(it)} IT`);
      if (c.deliveredItMw == null && c.status === "partially_delivered")
        warnings.push(`${c.code}: partially delivered but delivered MW not disclosed — counted as undelivered`);
    }
    const delivered = contractDeliveredItMw(c, a);
    const rest = it - delivered;
    contractedItMw += it;
    deliveredItMw += delivered;
    funnel.s1 += delivered;
    undelivered.push(rest);
    const at = c.siteName != null ? lastSiteNamed(sites, c.siteName) : -1;
    if (at < 0 || ENERGIZED.has(sites[at].stage)) funnel.s2 += rest;
    else funnel.s3 += rest;
    if (at >= 0) {
      contractedOnSite ??= new Array<number>(sites.length).fill(0);
      contractedOnSite[at] += it;
    }
  }

  let energizedGrossMw = 0;
  let totalGrossMw = 0;
  for (let j = 0; j < sites.length; j++) {
    const s = sites[j];
    if (s.grossMw != null) {
      totalGrossMw += s.grossMw;
      if (s.stage === "operating") energizedGrossMw += s.grossMw;
    }
    const it = siteItMw(s, a);
    const contracted = contractedOnSite === null ? 0 : contractedOnSite[lastSiteNamed(sites, s.name)];
    if (it == null) {
      if (explain && contracted === 0) warnings.push(`${s.name}: no MW figure — site not counted`);
      continue;
    }
    if (explain && contracted > it + 1e-9)
      warnings.push(`${s.name}: contracted ${fmt(contracted)} above the site's ${fmt(it)} IT — data conflict, nothing capped`);
    const free = Math.max(0, it - contracted);
    if (s.stage === "operating") funnel.s4 += free;
    else if (s.stage === "pipeline") funnel.s6 += free;
    else funnel.s5 += free;
  }

  const itMwEffective =
    funnel.s1 * a.weightS1 + funnel.s2 * a.weightS2 + funnel.s3 * a.weightS3 +
    funnel.s4 * a.weightS4 + funnel.s5 * a.weightS5 + funnel.s6 * a.weightS6;

  return { funnel, itMwEffective, contractedItMw, deliveredItMw, energizedGrossMw, totalGrossMw, undelivered, warnings };
}

function lastSiteNamed(sites: readonly ScoringSite[], name: string): number {
  for (let j = sites.length - 1; j >= 0; j--) if (sites[j].name === name) return j;
  return -1;
}
