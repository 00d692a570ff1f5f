"use client";
// A write's status line (app/components/use-write.ts): busy, saved, or what went wrong.
import type { Status } from "./write-outcome";

export function FormStatus({ status }: { status: Status }) {
  if (!status) return null;
  return <p className={`form-status ${status.tone}`} role={status.tone === "bad" ? "alert" : "status"}>{status.text}</p>;
}
