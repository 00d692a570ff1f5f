// Requests a browser page cannot make but an attacker (or a broken client) can, against the password-
// less local server: DNS rebinding (any Host), cross-origin and Origin-less actions, TRACE, malformed
// addresses and server-action bodies. Each is refused with the right status and one log line, and the
// database is unchanged.
import { expect, test } from "./test";
import { dumpDatabase } from "./db-dump";
import { E2E_DB_FILE } from "./fixtures";
import { rawRequest, serverLog, STACK_FRAME } from "./raw-http";
import { callAction, serverActionsInBuild } from "./write-paths";

const action = (name: string) => serverActionsInBuild().find((a) => a.name === name)!;

test.describe.serial("hostile HTTP against the local (password-less) server", () => {
  let before = "";
  let logStart = 0;
  test.beforeAll(({}, info) => {
    before = dumpDatabase(E2E_DB_FILE);
    logStart = serverLog(info.project.use.baseURL!).length;
  });
  test.afterAll(() => {
    expect(dumpDatabase(E2E_DB_FILE), "the database changed").toBe(before);
  });

  test("DNS rebinding: a page under another host name cannot read or write (421)", async ({ baseURL }) => {
    const port = new URL(baseURL!).port;
    const evil = `evil.example:${port}`;
    // What the red team did with curl: create a set and set IREN's price to 0.01, with a matching Origin.
    const create = action("createSetAction");
    const headers = { host: evil, origin: `http://${evil}`, "next-action": create.id, "content-type": "text/plain;charset=UTF-8" };
    const w = await rawRequest(`${baseURL}${create.pagePath}`, { method: "POST", headers, body: JSON.stringify([{ name: "Rebound", values: {} }]) });
    expect(w.status).toBe(421);
    const form = await (await fetch(`${baseURL}/api/companies/IREN/figures`)).json();
    form.facts.sharePriceUsd.value = 0.01;
    const { ticker: _t, ...body } = form;
    const put = await rawRequest(`${baseURL}/api/companies/IREN/figures`, {
      method: "PUT",
      headers: { host: evil, origin: `http://${evil}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(put.status).toBe(421);
    const read = await rawRequest(`${baseURL}/api/screen`, { headers: { host: evil } });
    expect(read.status).toBe(421);
    expect(read.text).not.toContain("IREN");
    // another port on loopback is another server, not this one
    expect((await rawRequest(`${baseURL}/`, { headers: { host: `127.0.0.1:${Number(port) + 50}` } })).status).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`])
      expect((await rawRequest(`${baseURL}/api/health`, { headers: { host } })).status, host).toBe(200);
  });

  test("server actions need this server's Origin", async ({ baseURL }) => {
    const revert = action("revertAction");
    const noOrigin = await callAction(baseURL!, revert, [{ auditId: 1 }], { Origin: "" });
    expect(noOrigin.status).toBe(403);
    const foreign = await callAction(baseURL!, revert, [{ auditId: 1 }], { Origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    const same = await callAction(baseURL!, revert, [{ auditId: 999_999 }]);
    expect(same.status).toBe(200);
    expect(same.text).toContain('"kind":"not-found"');
  });

  test("TRACE, malformed %-encoding and bad server-action bodies get 405/400/413, never a 500", async ({ baseURL }) => {
    const a = action("createSetAction");
    const post = (body: string, extra: Record<string, string> = {}, chunked = false) =>
      rawRequest(`${baseURL}${a.pagePath}`, {
        method: "POST",
        chunked,
        body,
        headers: { origin: baseURL!, "next-action": a.id, "content-type": "text/plain;charset=UTF-8", ...extra },
      });
    const cases: [string, Promise<{ status: number; text: string }>, number][] = [
      ["TRACE", rawRequest(`${baseURL}/`, { method: "TRACE" }), 405],
      ["malformed %-sequence", rawRequest(`${baseURL}/`, { path: "/assumptions/%E0%A4%A" }), 400],
      ["an encoded lone surrogate in the path", rawRequest(`${baseURL}/`, { path: "/api/companies/%ED%A0%80" }), 400],
      ["a bare $ body", post('"$"'), 400],
      ["a reference to a part never sent", post('["$Z5"]'), 400],
      ["a body that is not JSON", post("{nope"), 400],
      ["a form-data body", post("--x\r\n\r\n--x--", { "content-type": "multipart/form-data; boundary=x" }), 400],
      ["an oversized body", post(JSON.stringify(["x".repeat(300_000)])), 413],
      ["an oversized chunked body", post(JSON.stringify(["x".repeat(300_000)]), {}, true), 413],
    ];
    for (const [what, res, status] of cases) {
      const r = await res;
      expect(r.status, what).toBe(status);
      expect(r.text, what).not.toMatch(STACK_FRAME);
    }
    // One line per refused request in the server log — 4 (rebinding) + 2 (Origin) + these — and no
    // stack trace anywhere since these tests began.
    await expect
      .poll(
        () =>
          serverLog(baseURL!, logStart)
            .split("\n")
            .filter((l) => /^\[(front-door|proxy)\] (400|403|405|413|421) /.test(l)).length,
      )
      .toBe(4 + 2 + cases.length);
    const log = serverLog(baseURL!, logStart);
    expect(log).not.toMatch(STACK_FRAME);
    expect(log).not.toMatch(/⨯|Error:/);
  });
});
