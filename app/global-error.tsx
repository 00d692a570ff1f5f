"use client";
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <h1>Something went wrong</h1>
        <p>The app could not be shown. {error.digest ? `(reference ${error.digest})` : ""}</p>
      </body>
    </html>
  );
}
