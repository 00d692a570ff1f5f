// Many rows into one table in few statements. Prisma's createMany costs about 0.2 ms a row through the
// SQLite driver adapter (100,000 facts and their audit entries took ~50 s); one parameterized multi-row
// INSERT per chunk takes a tenth of that (docs/performance.md, "bulk updates"). Prisma.sql keeps the
// placeholders right for the provider; values are bound, never spliced into the SQL.
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./mutations/result";

/** Rows per statement: 500 × at most a dozen columns stays far below SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts `rows` (each in `columns` order) into `table`. Column and table names come from this codebase,
 * never from input. JSON columns are passed as their JSON text.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: unknown[][], onChunk?: (done: number) => void) {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.$executeRaw`${head}${Prisma.join(chunk.map((r) => Prisma.sql`(${Prisma.join(r)})`))}`;
    onChunk?.(Math.min(i + ROWS_PER_STATEMENT, rows.length));
  }
}
