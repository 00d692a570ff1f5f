// The inputs of a sensitivity: the chosen set and every company as of the view date. The sweeping itself
// is lib/view/sensitivity.ts, run by the page in the browser and by the API and the terminal here.
import { loadScoringCompanies } from "./queries";
import { chooseSet } from "./screen";
import type { Db } from "./db-client";

export async function loadSensitivityInputs(db: Db, setName?: string, asOf?: string | null) {
  const [{ set, sets }, { timeline, viewDate, companies }] = await Promise.all([chooseSet(db, setName), loadScoringCompanies(db, asOf)]);
  return { set, sets, viewDate, dates: { snapshot: timeline.snapshot, latest: timeline.latest, today: timeline.today }, companies };
}
