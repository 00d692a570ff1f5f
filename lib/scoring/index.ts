// Public surface of the scoring library (pure TypeScript: no next, react or prisma imports).
export * from "./assumptions";
export * from "./types";
export { scoreCompany } from "./score";
export { screen, rankScores, sweep, type SweepPoint, type SweepSeries } from "./screen";
export { computeFunnel, siteItMw, contractItMw } from "./funnel";
export { ratingScore, leaseScore, scoreContract } from "./contracts";
