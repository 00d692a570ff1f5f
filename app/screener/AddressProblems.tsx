// What of the address the view leaves out, one line per parameter. Shown only for a bad address, so it is
// loaded lazily (Screener.tsx): the screener's first JavaScript does not carry it.
import type { ViewProblem } from "@/lib/view/params";
import { problemText } from "@/lib/view/problem-text";

export default function AddressProblems({ problems, resetHref }: { problems: ViewProblem[]; resetHref: string }) {
  return (
    <div className="notice error" role="alert" data-testid="address-problems">
      <strong>
        {problems.length === 1 ? "One part of the address is not used" : `${problems.length} parts of the address are not used`}; the rest of the view
        is applied:
      </strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{problemText(p)}</li>
        ))}
      </ul>
      <a href={resetHref}>Reset the view</a>
    </div>
  );
}
