/**
 * A table that may scroll sideways on a narrow screen. It can be focused, so a keyboard user can scroll
 * it too (tables of numbers have no link of their own to tab to).
 */
export function ScrollX({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
