import { useId } from "react";

/**
 * Text with an explanation that shows on hover and on keyboard focus (a CSS tooltip), and that screen
 * readers get through aria-describedby.
 */
export function Tip({ tip, children, className }: { tip: string; children: React.ReactNode; className?: string }) {
  const id = useId();
  return (
    <span className={`tip ${className ?? ""}`} tabIndex={0} aria-describedby={id}>
      {children}
      <span role="tooltip" id={id} className="tip-text">
        {tip}
      </span>
    </span>
  );
}
