// Validated environment (one place, like create-t3-app's env.ts). Defaults give the embedded database
// and a single local user with no password.
import { z } from "zod";
import { databaseUrlProblem } from "./db-url";
import { parsePasswordHash, PasswordHashError } from "./server/password-hash";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** "watt.example.com, watt.example.com:8443" → lower-cased host[:port] entries, as browsers send Host. */
const hostList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/, {
        error: "Each entry is a host name with an optional :port, e.g. watt.example.com",
      }),
    ),
  );

const envSchema = z
  .object({
    /** file:… (SQLite, the default) or postgresql://… (a team's server). The message never repeats the value. */
    DATABASE_URL: z
      .string()
      .default("file:./prisma/dev.db")
      .superRefine((v, ctx) => {
        const problem = databaseUrlProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
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
    WATT_SESSION_HOURS: z.coerce
      .number()
      .min(0.05)
      .max(24 * 30)
      .default(12),
    /** true → reading pages and the API also needs sign-in (only when a password is configured). */
    WATT_PRIVATE_READS: bool,
    /** The page cache (lib/server/page-cache.ts): on unless set to 0 (benchmarks measure both). */
    WATT_PAGE_CACHE: z
      .enum(["0", "1", "true", "false", ""])
      .optional()
      .transform((v) => v !== "0" && v !== "false"),
    /**
     * How many reverse proxies in front of the server append to X-Forwarded-For. 0 (default): the client
     * is the TCP peer and forwarded headers are ignored, since any client can send them.
     */
    WATT_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** With a password: the host names the server answers to besides loopback (DNS-rebinding guard). */
    WATT_ALLOWED_HOSTS: hostList,
  })
  .superRefine((e, ctx) => {
    if (e.WATT_ALLOWED_HOSTS.length > 0 && !e.WATT_PASSWORD_HASH)
      ctx.addIssue({
        code: "custom",
        path: ["WATT_ALLOWED_HOSTS"],
        message: "WATT_ALLOWED_HOSTS needs WATT_PASSWORD_HASH: without a password the server answers only to 127.0.0.1, localhost and [::1]",
      });
  });

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    // one line (a start-up failure is read in a log), naming each variable but never repeating its value
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${lines}`);
  }
  return parsed.data;
}

export const databaseUrl = () => readEnv().DATABASE_URL;
