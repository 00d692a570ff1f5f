// Performance only — no rule of the model is here. What scoring a company works out from the company and
// the view date alone, whatever the assumptions: its pro-forma balance sheet (§10.1), its reported bitcoin
// value rolled forward (§10.9) and the ages of its figures (§10.10). It is kept with the company object, so
// a sweep over 100 values, a preview re-scored on every keystroke or a screen under another set works it
// out once per company. The formulas are in balance-sheet.ts; this module only remembers their results.
//
// A company is an input: it is not changed after it has been scored (the app's companies are built from
// the database or from React state and replaced, never edited in place). The results are shared by every
// score of that company on that date, and nothing writes to them.
import { figureAges, proFormaBalanceSheet, rolledBtcValue } from "./balance-sheet";
import type { BalanceSheetKey, FigureAge, ProFormaFigure, RolledBtcValue, ScoringCompany } from "./types";

export interface CompanyAtViewDate {
  viewDate: string;
  proForma: Record<BalanceSheetKey, ProFormaFigure>;
  btcValueRolled: RolledBtcValue | null;
  ages: FigureAge[];
}

const remembered = new WeakMap<ScoringCompany, CompanyAtViewDate>();

/** The company's view-date figures, worked out on the first call for that company and date. */
export function atViewDate(company: ScoringCompany, viewDate: string): CompanyAtViewDate {
  const known = remembered.get(company);
  if (known?.viewDate === viewDate) return known;
  const at: CompanyAtViewDate = {
    viewDate,
    proForma: proFormaBalanceSheet(company, viewDate),
    btcValueRolled: rolledBtcValue(company, viewDate),
    ages: figureAges(company, viewDate),
  };
  remembered.set(company, at);
  return at;
}
