// A plain `next start` binds every interface. Without a password the front door (instrumentation.ts)
// must still keep other machines from changing data: this starts such a server on 0.0.0.0 and talks to
// it through this machine's own network address, as a neighbour on the LAN would.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { expect, test } from "./test";
import { rawRequest } from "./raw-http";
import { serverActionsInBuild } from "./write-paths";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
const DATABASE_URL = (process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db").replace(/\.db$/, "-bind.db");
const LOG = `test-results-servers/server-${PORT}.log`;
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

test.describe.serial("password-less server bound to all interfaces", () => {
  test.skip(!lanAddress, "this machine has no non-loopback IPv4 address to connect through");
  let server: ChildProcess | undefined;
  let firstAnswer = 0;

  test.beforeAll(async () => {
    const env = { ...process.env, DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", WATT_PASSWORD_HASH: "" };
    const prep = spawnSync("node_modules/.bin/tsx", ["scripts/db-prepare.ts", "--reset"], { env, encoding: "utf8" });
    expect(prep.status, prep.stderr).toBe(0);
    mkdirSync("test-results-servers", { recursive: true });
    const out = openSync(LOG, "w");
    server = spawn("node_modules/.bin/next", ["start", "-H", "0.0.0.0", "-p", String(PORT)], { env, stdio: ["ignore", out, out] });
    closeSync(out);
    // The very first request reaches Next before instrumentation.ts has run, so the front door never
    // sees it: make it a rebinding attempt, and it must not be served (proxy.ts: no stamp → 503).
    for (let i = 0; i < 100 && firstAnswer === 0; i++) {
      firstAnswer = await rawRequest(`http://127.0.0.1:${PORT}/api/screen`, { headers: { host: `evil.example:${PORT}` } }).then(
        (r) => r.status,
        () => 0,
      );
      if (firstAnswer === 0) await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 100; i++) {
      const up = await rawRequest(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server on ${PORT} did not start:\n${readFileSync(LOG, "utf8")}`);
  });
  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  const create = () => serverActionsInBuild().find((a) => a.name === "createSetAction")!;
  const post = (address: string) =>
    rawRequest(`http://${address}:${PORT}${create().pagePath}`, {
      method: "POST",
      headers: {
        host: `127.0.0.1:${PORT}`,
        origin: `http://127.0.0.1:${PORT}`,
        "next-action": create().id,
        "content-type": "text/plain;charset=UTF-8",
      },
      body: JSON.stringify([{ name: "", values: {} }]), // invalid: the action itself writes nothing either way
    });

  test("the first request after start, before the front door is installed, is not served", () => {
    expect([503, 421]).toContain(firstAnswer);
  });

  test("a neighbour can read but not write, even with a loopback Host header", async () => {
    const read = await rawRequest(`http://${lanAddress}:${PORT}/api/health`, { headers: { host: `127.0.0.1:${PORT}` } });
    expect(read.status).toBe(200);
    const write = await post(lanAddress!);
    expect(write.status).toBe(403);
    expect(write.text).toContain("accepts changes only from this machine");
    const put = await rawRequest(`http://${lanAddress}:${PORT}/api/companies/IREN/figures`, {
      method: "PUT",
      headers: { host: `127.0.0.1:${PORT}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(put.status).toBe(403);
    // under its own address as Host it is not even answered
    expect((await rawRequest(`http://${lanAddress}:${PORT}/`, { headers: { host: `${lanAddress}:${PORT}` } })).status).toBe(421);
  });

  test("over loopback the local user still edits, and the log says why the others cannot", async () => {
    const local = await post("127.0.0.1");
    expect(local.status).toBe(200);
    expect(local.text).toContain('"kind":"invalid"');
    expect(readFileSync(LOG, "utf8")).toContain(`listening on 0.0.0.0:${PORT} without WATT_PASSWORD_HASH`);
  });
});
