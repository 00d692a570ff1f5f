// Every answer a client write can get, and what the one hook (app/components/use-write.ts) shows for it.
import { describe, expect, it } from "vitest";
import { FIX_FIELDS, outcomeOf, UNREACHABLE } from "../app/components/write-outcome";

describe("outcomeOf", () => {
  it("no answer (a network failure): a status line, nothing lost, no error screen", () => {
    expect(outcomeOf(null)).toEqual({ status: { tone: "bad", text: UNREACHABLE }, fieldErrors: {}, conflict: null });
  });
  it("saved: the form's own words", () => {
    expect(outcomeOf({ ok: true, data: { version: 2 } }, { okText: "Market figures saved" }).status).toEqual({
      tone: "good",
      text: "Market figures saved",
    });
  });
  it("invalid: messages beside the fields, or in the status line where the form has no such fields", () => {
    const r = { ok: false as const, kind: "invalid" as const, fieldErrors: { "note.body": ["Write the note"] }, formErrors: [], submitted: {} };
    expect(outcomeOf(r)).toEqual({ status: { tone: "bad", text: FIX_FIELDS }, fieldErrors: r.fieldErrors, conflict: null });
    expect(outcomeOf(r, { showsFields: false, labelOf: () => "Note" }).status).toEqual({ tone: "bad", text: "Note: Write the note" });
    expect(outcomeOf({ ...r, fieldErrors: {}, formErrors: ["That name or code is already taken."] }).status?.text).toBe(
      "That name or code is already taken.",
    );
  });
  it("conflict: a panel with theirs and mine, or a line saying to reload", () => {
    const r = {
      ok: false as const,
      kind: "conflict" as const,
      message: "Someone else saved first.",
      current: { version: 2 },
      submitted: { version: 1 },
    };
    expect(outcomeOf(r)).toEqual({ status: null, fieldErrors: {}, conflict: { message: r.message, current: r.current, submitted: r.submitted } });
    expect(outcomeOf(r, { showsConflict: false }).status?.text).toBe("Someone else saved first. Reload the page to see the current version.");
  });
  it.each(["not-found", "unauthorized", "error"] as const)("%s: the server's sentence", (kind) => {
    expect(outcomeOf({ ok: false, kind, message: "Sign in to make changes." }).status).toEqual({ tone: "bad", text: "Sign in to make changes." });
  });
});
