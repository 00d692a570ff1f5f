// Which interface `npm start` and `npm run dev` listen on. Without a password the server is one user's
// tool on one machine: it stays on 127.0.0.1 whatever HOST says. (A plain `next start`/`next dev` binds
// every interface; the front door then still refuses writes that do not arrive over loopback.)
import type { Env } from "../env";
import { isLoopbackAddress, LOOPBACK_NAMES } from "./request-guard";

export function listenHost(env: Env): { host: string; warning?: string } {
  if (env.WATT_PASSWORD_HASH) return { host: env.HOST ?? "0.0.0.0" };
  const host = env.HOST;
  if (!host || isLoopbackAddress(host) || LOOPBACK_NAMES.includes(host) || host === "::1") return { host: host ?? "127.0.0.1" };
  return {
    host: "127.0.0.1",
    warning: `HOST=${host} ignored: no WATT_PASSWORD_HASH is set, so the server stays on 127.0.0.1 (see README, Configuration).`,
  };
}
