// Validated environment (one place, like create-t3-app's env.ts). Defaults give the embedded database.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:/, { error: "DATABASE_URL must be a SQLite file: URL, e.g. file:./prisma/dev.db" })
    .default("file:./prisma/dev.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export function readEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const databaseUrl = () => readEnv().DATABASE_URL;
