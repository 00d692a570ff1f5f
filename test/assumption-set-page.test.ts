// /assumptions/[name] for a name no set has: a 404 with the route's not-found page, as an unknown
// company is (it answered 200 with a heading that said so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSnapshot } from "../prisma/seed";
import { createTempDb, type TempDb } from "./temp-db";

let t: TempDb;
let Page: (props: { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;
beforeAll(async () => {
  t = await createTempDb();
  await seedSnapshot(t.db);
  process.env.DATABASE_URL = t.url; // lib/server/db.ts opens its client on import
  delete (globalThis as { __wattDb?: unknown }).__wattDb;
  ({ default: Page } = await import("../app/assumptions/[name]/page"));
});
afterAll(async () => {
  await (globalThis as { __wattDb?: { $disconnect(): Promise<void> } }).__wattDb?.$disconnect();
  delete (globalThis as { __wattDb?: unknown }).__wattDb;
  await t.close();
});

const open = (name: string) => Page({ params: Promise.resolve({ name }), searchParams: Promise.resolve({}) });

describe("/assumptions/[name]", () => {
  it("an unknown name is not found (Next answers 404 and renders ./not-found.tsx)", async () => {
    const thrown = await open("Nope").then(
      () => null,
      (e: unknown) => e,
    );
    expect((thrown as { digest?: string } | null)?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("a stored set opens in its editor", async () => {
    await expect(open("Base")).resolves.toBeTruthy();
  });
});
