// Where the dataset and its update files live, and how they are read and validated — without the
// database, so tests, e2e specs and scripts can load the snapshot without a Prisma client.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatasetError } from "../lib/domain/dataset";
import { describeZodIssues } from "../lib/domain/field-errors";
import { factUpdateFileSchema } from "../lib/domain/updates";

export const DATASET_FILE = path.join(__dirname, "miners-2025-11.json");
export const UPDATES_DIR = path.join(__dirname, "updates");
export const CORRECTIONS_FILE = path.join(UPDATES_DIR, "2025-11-21-corrections.json");

/** The corrections file as validated rows; a malformed one stops the seed like a malformed dataset. */
export function readCorrections(file = CORRECTIONS_FILE) {
  if (!existsSync(file)) return null;
  const parsed = factUpdateFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new DatasetError(describeZodIssues(parsed.error.issues).map((p) => `${path.basename(file)}: ${p}`));
  return { file: path.relative(process.cwd(), file), rows: parsed.data };
}

export function readDatasetFile(file = DATASET_FILE): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}
