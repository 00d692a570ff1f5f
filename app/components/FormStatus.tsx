"use client";
// A write's status line (app/components/use-write.ts): busy, saved, or what went wrong.
import type { Status } from "./write-outcome";

export function FormStatus({ status, inline }: { status: Status; inline?: boolean }) {
  if (!status) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag className={`form-status ${status.tone}`} role={status.tone === "bad" ? "alert" : "status"}>
      {status.text}
    </Tag>
  );
}
