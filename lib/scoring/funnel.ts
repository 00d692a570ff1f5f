// Methodology §4 with the v2 rules on megawatts: every site's IT MW split into the S1–S6 blocks and
// weighted, where a contract's MW are placed on the sites it occupies (§10.2, counted once), a phase-one
// IT figure does not cap a campus (§10.3), uncontracted MW at remote or small sites are discounted
// (§10.4), and joint ventures count at the company's share (§10.6).
import type { Assumptions } from "./assumptions";
import { Explanation, mwText } from "./explain";
import type { CompanyScore, Funnel, FunnelLines, Placement, RemoteMw, ScoringCompany, ScoringContract, ScoringSite, Stage } from "./types";

const ENERGIZED: ReadonlySet<Stage> = new Set(["operating", "under_construction"]);
const STAGE_ORDER: Record<Stage, number> = { operating: 0, under_construction: 1, approved: 2, pipeline: 3 };
/** Sites an unsited contract may occupy: a mining site that carries an AI contract is `mixed` by definition. */
const CONSUMABLE_USES: ReadonlySet<string> = new Set(["hpc", "mixed"]);
const EPS = 1e-9;

/** IT MW of a whole site before ownership share: the disclosed figure, else gross × itPerGrossMw (§4, §10.3). */
export function siteItMw(site: ScoringSite, a: Assumptions): number | null {
  const fromGross = site.grossMw != null ? site.grossMw * a.itPerGrossMw : null;
  if (site.itMw == null) return fromGross;
  // A phase figure covers one hall or building; the campus is at least what its gross power supports.
  return site.itMwScope === "phase" && fromGross != null ? Math.max(site.itMw, fromGross) : site.itMw;
}

/** A contract's MW on the critical-IT basis (gross-basis contracts are converted first, §10.13). */
export function toItBasis(c: ScoringContract, mw: number, a: Assumptions): number {
  return c.itMwBasis === "gross" ? mw * a.itPerGrossMw : mw;
}

/** Allocations are IT MW whatever the contract's basis (§10.2 `{site, itMw}`): never converted again. */
const allocatedTotal = (c: ScoringContract) => (c.siteAllocations ?? []).reduce((t, x) => t + x.itMw, 0);

/** A contract's IT MW before share: its own figure, else the sum of its allocations, else unknown. */
export function contractItMw(c: ScoringContract, a: Assumptions): number | null {
  if (c.itMw != null) return toItBasis(c, c.itMw, a);
  if (c.siteAllocations?.length) return allocatedTotal(c);
  return null;
}

/** Delivered IT MW before share; a contract marked delivered with no figure counts as fully delivered. */
export function contractDeliveredItMw(c: ScoringContract, a: Assumptions): number {
  const total = contractItMw(c, a);
  if (c.deliveredItMw == null) return c.status === "delivered" && total != null ? total : 0;
  const delivered = toItBasis(c, c.deliveredItMw, a);
  return total == null ? delivered : Math.min(delivered, total);
}

/** §10.4: a site whose uncontracted MW are discounted — no country, outside the AI-ready markets, or too small. */
export function isRemote(site: ScoringSite, a: Assumptions): boolean {
  return site.country == null || !a.aiReadyCountries.includes(site.country) || isSmall(siteSizeGrossMw(site, a), a);
}

const siteSizeGrossMw = (site: ScoringSite, a: Assumptions) => site.grossMw ?? (site.itMw != null ? site.itMw / a.itPerGrossMw : null);
const isSmall = (size: number | null, a: Assumptions) => size != null && size < a.minAiSiteGrossMw;

/** §10.4 in words: why a site's uncontracted MW are discounted, or null when it is an AI-ready site. */
export function remoteReason(site: ScoringSite, a: Assumptions): string | null {
  const size = siteSizeGrossMw(site, a);
  if (site.country == null) return "country unknown";
  if (!a.aiReadyCountries.includes(site.country)) return `${site.country} is not an AI-ready market`;
  if (isSmall(size, a)) return `${mwText(size!)} gross is below the ${a.minAiSiteGrossMw} MW minimum`;
  return null;
}

/** The MW fields of CompanyScore, plus what the rest of the scoring needs from the funnel. */
export interface FunnelResult extends Pick<
  CompanyScore,
  "funnel" | "remoteMw" | "funnelLines" | "itMwEffective" | "contractedItMw" | "deliveredItMw" | "energizedGrossMw" | "totalGrossMw"
> {
  /** per contract, in contract order: IT MW after share (null = not disclosed), delivered, placements */
  contracts: { itMw: number | null; delivered: number; placements: Placement[] }[];
}

interface SiteRoom {
  site: ScoringSite;
  index: number;
  /** IT MW at the company's share; null = no MW figure */
  itMw: number | null;
  placed: number;
}

export function computeFunnel(company: ScoringCompany, a: Assumptions, ex = new Explanation(false)): FunnelResult {
  const funnel: Funnel = { s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0 };
  const remoteMw: RemoteMw = { s4: 0, s5: 0, s6: 0 };
  const lines: FunnelLines = { allocatedMw: 0, consumedMw: 0, siteUnknownMw: 0, phaseExtendedMw: 0 };
  const rooms: SiteRoom[] = company.sites.map((site, index) => {
    const whole = siteItMw(site, a);
    return { site, index, itMw: whole == null ? null : whole * site.companyShare, placed: 0 };
  });
  describeSites(rooms, a, ex, lines);
  const roomNamed = (name: string) => {
    for (let j = rooms.length - 1; j >= 0; j--) if (rooms[j].site.name === name) return rooms[j];
    return undefined;
  };

  // Pass 1: contracts on named sites (a single site, or allocations) take their MW there, even beyond the
  // site's IT MW (a data conflict: warned, never spilled to other sites, §10.13).
  const contracts = company.contracts.map((c) => {
    const whole = contractItMw(c, a);
    const share = c.companyShare;
    if (whole == null) ex.warn(`${c.code}: MW not disclosed — counted as 0 MW`);
    else if (ex.on) describeContractMw(c, whole, a, ex);
    const itMw = whole == null ? null : whole * share;
    const placements: Placement[] = [];
    let unsited = itMw ?? 0;
    if (c.siteAllocations?.length && whole != null) {
      // Allocations above the contract's IT MW would create megawatts: scaled down to it, and said so.
      const total = allocatedTotal(c);
      const scale = total > whole + EPS ? whole / total : 1;
      if (scale < 1 && ex.on)
        ex.warn(
          `${c.code}: its site allocations add up to ${mwText(total)}, more than its ${mwText(whole)} IT — each is scaled by ${Math.round(scale * 1000) / 10}% so no MW are counted twice`,
        );
      for (const x of c.siteAllocations) {
        const mw = x.itMw * scale * share;
        const room = roomNamed(x.site);
        if (!room) {
          ex.warn(`${c.code}: allocation to "${x.site}", which is not one of its sites — those MW are placed as if unallocated`);
          continue;
        }
        room.placed += mw;
        placements.push({ site: room.site.name, itMw: mw, how: "allocation" });
        unsited -= mw;
        lines.allocatedMw += mw;
      }
      if (placements.length && ex.on)
        ex.adjust("10.2", `${c.code}: ${placements.map((p) => `${mwText(p.itMw)} on ${p.site}`).join(", ")} (site allocations)`, c.sourceUrl);
    } else if (c.siteName != null && roomNamed(c.siteName)) {
      roomNamed(c.siteName)!.placed += unsited;
      placements.push({ site: c.siteName, itMw: unsited, how: "site" });
      unsited = 0;
    }
    if (ex.on)
      for (const p of placements) {
        const site = roomNamed(p.site!)!.site;
        if (site.use === "mining")
          ex.warn(`${c.code}: ${site.name} is marked mining but carries this contract — it is mixed by definition (§10.2); correct its use`);
      }
    return { c, itMw, delivered: contractDeliveredItMw(c, a) * share, placements, unsited: Math.max(0, unsited) };
  });

  // Pass 2: MW no allocation or site covers fill the free IT MW of the company's hpc/mixed sites before
  // anything is added: operating first, then under construction, approved, pipeline; larger sites first.
  const consumable = rooms
    .filter((r) => r.itMw != null && CONSUMABLE_USES.has(r.site.use))
    .sort((x, y) => STAGE_ORDER[x.site.stage] - STAGE_ORDER[y.site.stage] || y.itMw! - x.itMw! || x.index - y.index);
  for (const k of contracts) {
    if (k.unsited <= EPS) continue;
    const unsitedBefore = k.unsited;
    const used: string[] = [];
    for (const room of consumable) {
      const take = Math.min(Math.max(0, room.itMw! - room.placed), k.unsited);
      if (take <= EPS) continue;
      room.placed += take;
      k.unsited -= take;
      k.placements.push({ site: room.site.name, itMw: take, how: "consumed" });
      lines.consumedMw += take;
      if (ex.on) used.push(`${mwText(take)} on ${room.site.name}`);
      if (k.unsited <= EPS) break;
    }
    if (k.unsited > EPS) {
      k.placements.push({ site: null, itMw: k.unsited, how: "unknown" });
      lines.siteUnknownMw += k.unsited;
    }
    if (!ex.on) continue;
    const rest = k.unsited > EPS ? `${mwText(k.unsited)} on no known site (S2)` : "";
    const placed = used.length ? `placed ${used.join(", ")} (free IT MW of its hpc/mixed sites)` : "no hpc/mixed site had free IT MW";
    ex.adjust("10.2", `${k.c.code}: ${[placed, rest].filter(Boolean).join("; ")}`, k.c.sourceUrl);
    if (used.length)
      ex.warn(
        `${k.c.code}: ${mwText(unsitedBefore)} of its MW are on no named site — ${used.join(", ")} placed on the free IT MW of its hpc/mixed sites so they are not also counted as uncontracted power`,
      );
  }

  // Contracted blocks: delivered MW are S1; the rest of each placement is S2 on an energized or unknown
  // site, S3 on a site that needs new power. Delivered MW are spread over the placements pro rata.
  let contractedItMw = 0;
  let deliveredItMw = 0;
  for (const k of contracts) {
    if (k.itMw == null || k.itMw <= 0) continue;
    contractedItMw += k.itMw;
    deliveredItMw += k.delivered;
    funnel.s1 += k.delivered;
    const undeliveredShare = 1 - k.delivered / k.itMw;
    for (const p of k.placements) {
      const stage = p.site == null ? null : roomNamed(p.site)!.site.stage;
      if (stage == null || ENERGIZED.has(stage)) funnel.s2 += p.itMw * undeliveredShare;
      else funnel.s3 += p.itMw * undeliveredShare;
    }
  }

  // Uncontracted blocks: each site's free IT MW by stage; at remote or small sites × remoteSiteFactor.
  let energizedGrossMw = 0;
  let totalGrossMw = 0;
  for (const room of rooms) {
    const s = room.site;
    if (s.grossMw != null) {
      totalGrossMw += s.grossMw * s.companyShare;
      if (s.stage === "operating") energizedGrossMw += s.grossMw * s.companyShare;
    }
    if (room.itMw == null) {
      if (room.placed === 0) ex.warn(`${s.name}: no MW figure — site not counted`);
      continue;
    }
    if (room.placed > room.itMw + EPS && ex.on)
      ex.warn(`${s.name}: contracted ${mwText(room.placed)} above the site's ${mwText(room.itMw)} IT — data conflict, nothing capped`);
    const free = Math.max(0, room.itMw - room.placed);
    const block = s.stage === "operating" ? "s4" : s.stage === "pipeline" ? "s6" : "s5";
    funnel[block] += free;
    if (free > EPS && isRemote(s, a)) {
      remoteMw[block] += free;
      if (ex.on) {
        ex.adjust("10.4", `${s.name}: ${remoteReason(s, a)} — ${mwText(free)} uncontracted × ${a.remoteSiteFactor}`, s.sourceUrl);
        if (s.country == null) ex.warn(`${s.name}: country unknown — treated as outside the AI-ready markets`);
      }
    }
  }

  const f = a.remoteSiteFactor;
  const itMwEffective =
    funnel.s1 * a.weightS1 +
    funnel.s2 * a.weightS2 +
    funnel.s3 * a.weightS3 +
    (funnel.s4 - remoteMw.s4 * (1 - f)) * a.weightS4 +
    (funnel.s5 - remoteMw.s5 * (1 - f)) * a.weightS5 +
    (funnel.s6 - remoteMw.s6 * (1 - f)) * a.weightS6;

  return {
    funnel,
    remoteMw,
    funnelLines: lines,
    itMwEffective,
    contractedItMw,
    deliveredItMw,
    energizedGrossMw,
    totalGrossMw,
    contracts: contracts.map((k) => ({ itMw: k.itMw, delivered: k.delivered, placements: k.placements })),
  };
}

/** The MW a phase scope adds (§10.3, a funnel line), and the §10.3 and §10.6 words of each site that has them. */
function describeSites(rooms: SiteRoom[], a: Assumptions, ex: Explanation, lines: FunnelLines) {
  for (const { site: s, itMw } of rooms) {
    if (s.itMwScope === "phase" && s.itMw != null && s.grossMw != null) {
      const whole = s.grossMw * a.itPerGrossMw;
      if (whole > s.itMw) {
        lines.phaseExtendedMw += (whole - s.itMw) * s.companyShare;
        if (ex.on)
          ex.adjust(
            "10.3",
            `${s.name}: the ${mwText(s.itMw)} IT figure covers a phase; the site is ${mwText(s.grossMw)} gross × ${a.itPerGrossMw} = ${mwText(whole)} IT (+${mwText(whole - s.itMw)}, ${s.stage.replace("_", " ")})`,
            s.sourceUrl,
          );
      }
    }
    if (s.companyShare !== 1 && itMw != null && ex.on) {
      const whole = siteItMw(s, a)!;
      ex.adjust("10.6", `${s.name}: ${pctText(s.companyShare)} owned — ${mwText(itMw)} of ${mwText(whole)} IT counted`, s.sourceUrl);
    }
  }
}

function describeContractMw(c: ScoringContract, it: number, a: Assumptions, ex: Explanation) {
  if (c.itMwBasis === "unknown") ex.warn(`${c.code}: MW basis not stated — ${mwText(it)} taken as IT MW`);
  if (c.itMwBasis === "gross" && c.itMw != null) ex.warn(`${c.code}: ${mwText(c.itMw)} gross × ${a.itPerGrossMw} = ${mwText(it)} IT`);
  if (c.deliveredItMw == null && c.status === "partially_delivered")
    ex.warn(`${c.code}: partially delivered but delivered MW not disclosed — counted as undelivered`);
  if (c.companyShare !== 1)
    ex.adjust(
      "10.6",
      `${c.code}: ${pctText(c.companyShare)} share — ${mwText(it * c.companyShare)} of ${mwText(it)} IT, and its value and capex at that share`,
      c.sourceUrl,
    );
}

const pctText = (x: number) => `${Math.round(x * 1000) / 10}%`;
