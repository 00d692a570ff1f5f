// Starts the production server. Without a password (WATT_PASSWORD_HASH) it listens on 127.0.0.1 only:
// one user on one machine. With a password it listens on HOST (default 0.0.0.0) and edits need sign-in.
import { spawn } from "node:child_process";
import path from "node:path";
import { readEnv } from "../lib/env";
import { passwordConfigured } from "../lib/server/auth-core";

const env = readEnv();
const secured = passwordConfigured(env);
let host = secured ? env.HOST ?? "0.0.0.0" : "127.0.0.1";
if (!secured && env.HOST && !["127.0.0.1", "localhost", "::1"].includes(env.HOST)) {
  console.warn(`HOST=${env.HOST} ignored: no WATT_PASSWORD_HASH is set, so the server stays on 127.0.0.1 (see README, Configuration).`);
  host = "127.0.0.1";
}
console.log(`Watt Screener on http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT} — ${secured ? "edits need sign-in" : "local mode, no sign-in"}`);
const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-H", host, "-p", String(env.PORT)], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
