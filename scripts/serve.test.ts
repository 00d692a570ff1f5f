// `npm start` / `npm run dev` choose the interface: run scripts/serve.ts with a stand-in `next` binary
// that prints the arguments it was given.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../lib/server/password-hash";

const ROOT = path.join(__dirname, "..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "watt-serve-"));
  mkdirSync(path.join(dir, "node_modules", ".bin"), { recursive: true });
  const fake = path.join(dir, "node_modules", ".bin", "next");
  writeFileSync(fake, '#!/bin/sh\necho "next $*"\n');
  chmodSync(fake, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serve = (args: string[], env: Record<string, string>) =>
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "serve.ts"), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, NODE_ENV: "test", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

describe("scripts/serve.ts", () => {
  it("npm run dev binds 127.0.0.1 without a password, even when HOST asks for all interfaces", () => {
    const out = serve(["--dev"], { HOST: "0.0.0.0", PORT: "3999" });
    expect(out).toContain("next dev -H 127.0.0.1 -p 3999");
  });

  it("npm start binds 127.0.0.1 without a password, HOST with one", () => {
    expect(serve([], {})).toContain("next start -H 127.0.0.1 -p 3000");
    expect(serve([], { WATT_PASSWORD_HASH: hashPassword("pw-123456"), HOST: "0.0.0.0" })).toContain("next start -H 0.0.0.0 -p 3000");
  });
});
