import { DASH, explainReason, formatKind } from "@/lib/format";
import type { ColumnKind } from "@/lib/view/columns";
import { Tip } from "./Tip";

/** A formatted figure, or "—" that says why it is missing. */
export function Value({ kind, value, reason }: { kind: ColumnKind; value: unknown; reason?: string }) {
  if (value == null || (Array.isArray(value) && value.length === 0 && kind !== "flags"))
    return (
      <Tip tip={explainReason(reason)} className="missing">
        {DASH}
      </Tip>
    );
  return <>{formatKind(kind, value)}</>;
}
