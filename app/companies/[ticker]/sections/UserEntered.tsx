// What a person entered that is in force on the view date (lib/domain/user-entered.ts): a notice at the
// top of the company page, and the ✎ beside each such figure where the page lists its inputs.
import type { UserEntered } from "@/lib/domain/user-entered";
import { describeUserEntered, userEnteredLines } from "@/lib/view/user-entered";
import { UserEnteredMark } from "../../../components/UserEnteredMark";

export function UserEnteredNotice({ items, viewDate }: { items: readonly UserEntered[]; viewDate: string }) {
  if (items.length === 0) return null;
  return (
    <div className="notice warn" role="note" aria-labelledby="user-entered-title" data-testid="user-entered">
      <strong id="user-entered-title">
        <span aria-hidden="true">✎ </span>User-entered on {viewDate}
      </strong>{" "}
      <span className="small muted">— not from the loaded dataset or an update file; each edit is in the history of edits below.</span>
      <ul className="small">
        {items.map((x) => (
          <li key={`${x.kind}-${x.key}`}>{describeUserEntered(x)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The ✎ beside figure (or override) `k` when it is user-entered. */
export function EnteredMark({ entered, k }: { entered: readonly UserEntered[]; k: string }) {
  return <UserEnteredMark lines={userEnteredLines(entered, k)} />;
}
