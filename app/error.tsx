"use client";
// Shown when a page fails on the server. The cause is in the server log (Next sends only a digest).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section>
      <h1>Something went wrong</h1>
      <p>
        The page could not be shown. Nothing you saved was lost.{" "}
        {error.digest ? <span className="muted small">(reference {error.digest})</span> : null}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
