// Public surface of the scoring library (pure TypeScript: no next, react or prisma imports).
export * from "./assumptions";
export * from "./types";
export { scoreCompany, scoreNumbers } from "./score";
export { screen, explainRow, sweep, type SweepPoint, type SweepSeries } from "./screen";
export { computeFunnel, siteItMw, contractItMw, remoteReason } from "./funnel";
export { ratingScore, ratingBucket, isInvestmentGrade, leaseScore, scoreContract } from "./contracts";
export { proFormaBalanceSheet, rollForward, BALANCE_SHEET_KEYS, STALE_LABEL } from "./balance-sheet";
export { endOfPeriod, daysBetween } from "./dates";
export { FLAG_INFO } from "./flags";
