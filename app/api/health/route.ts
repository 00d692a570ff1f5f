import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** Liveness plus a one-row read, so "up" means the database answers too. */
export async function GET() {
  try {
    const companies = await db.company.count();
    return Response.json({ ok: true, companies });
  } catch (e) {
    console.error("health check failed", e);
    return Response.json({ ok: false }, { status: 503 });
  }
}
