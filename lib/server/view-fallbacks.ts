// A page asked for a set or a date it cannot show: it shows the default instead and says why, rather than
// failing. One loader for the screener, the company page and the compare page.
import { UnknownAssumptionSet } from "./screen";
import { ViewDateError } from "./timeline";

export interface ViewChoice {
  set?: string;
  asOf?: string | null;
}

export async function loadWithFallbacks<T>(load: (o: ViewChoice) => Promise<T>, asked: ViewChoice): Promise<{ data: T; notices: string[] }> {
  const notices: string[] = [];
  const choice = { ...asked };
  for (;;) {
    try {
      return { data: await load(choice), notices };
    } catch (e) {
      if (e instanceof UnknownAssumptionSet && choice.set) {
        notices.push(`${e.message}; showing the default set`);
        choice.set = undefined;
      } else if (e instanceof ViewDateError && choice.asOf) {
        notices.push(`${e.message}; showing the latest date instead`);
        choice.asOf = undefined;
      } else throw e;
    }
  }
}
