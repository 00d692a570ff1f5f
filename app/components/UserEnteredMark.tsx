import { useId } from "react";

/**
 * "✎" beside a ticker or a figure that a person entered rather than the dataset or an update file
 * (lib/domain/user-entered.ts). Its accessible name says so; the tooltip (hover and keyboard focus, and
 * aria-describedby for screen readers) lists what was entered, by whom and when. Nothing to mark: nothing.
 */
export function UserEnteredMark({ lines }: { lines: readonly string[] }) {
  const id = useId();
  if (lines.length === 0) return null;
  return (
    <span className="tip user-entered" tabIndex={0} role="img" aria-label="User-entered" aria-describedby={id}>
      <span aria-hidden="true">✎</span>
      {/* one text, a line per item (CSS pre-line): screen readers read it as one description */}
      <span role="tooltip" id={id} className="tip-text">
        {lines.join("\n")}
      </span>
    </span>
  );
}
