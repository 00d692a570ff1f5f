// Validated environment (one place, like create-t3-app's env.ts). Defaults give the embedded database
// and a single local user with no password.
import { z } from "zod";
import { parsePasswordHash, PasswordHashError } from "./server/password-hash";

const bool = z.enum(["true", "false", "1", "0", ""]).optional().transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:/, { error: "DATABASE_URL must be a SQLite file: URL, e.g. file:./prisma/dev.db" })
    .default("file:./prisma/dev.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. Ignored (forced to 127.0.0.1) while no password is configured. */
  HOST: z.string().min(1).optional(),
  /**
   * scrypt hash from `npm run auth:hash` (never the password itself). Set → edits need sign-in. Parsed
   * and length-checked here, so a damaged value stops the server at start (fail closed).
   */
  WATT_PASSWORD_HASH: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      try {
        parsePasswordHash(v);
      } catch (e) {
        const why = e instanceof PasswordHashError ? e.message : "unreadable";
        ctx.addIssue({ code: "custom", message: `WATT_PASSWORD_HASH is not usable (${why}); create it with \`npm run auth:hash\`` });
      }
    }),
  /** Key that signs session cookies; derived from the password hash when not set. */
  WATT_SESSION_SECRET: z.string().min(32, { error: "WATT_SESSION_SECRET must be at least 32 characters" }).optional(),
  WATT_SESSION_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(12),
  /** true → reading pages and the API also needs sign-in (only when a password is configured). */
  WATT_PRIVATE_READS: bool,
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const databaseUrl = () => readEnv().DATABASE_URL;
