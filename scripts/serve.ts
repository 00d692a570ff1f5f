// `npm start` (production server) and `npm run dev` (`--dev`, the development server). Without a
// password (WATT_PASSWORD_HASH) both listen on 127.0.0.1 only: one user on one machine. With a password
// they listen on HOST (default 0.0.0.0) and edits need sign-in. The front door (instrumentation.ts)
// enforces the same rules at run time, whoever starts the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { readEnv } from "../lib/env";
import { listenHost } from "../lib/server/listen";

const dev = process.argv.includes("--dev");
const env = readEnv();
const { host, warning } = listenHost(env);
if (warning) console.warn(warning);
const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
console.log(
  `Watt Screener${dev ? " (development)" : ""} on http://${shown}:${env.PORT} — ${env.WATT_PASSWORD_HASH ? "edits need sign-in" : "local mode, no sign-in"}`,
);
const child = spawn(path.join("node_modules", ".bin", "next"), [dev ? "dev" : "start", "-H", host, "-p", String(env.PORT)], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
