import { DASH } from "@/lib/format";

/** Provenance beside a figure: as-of date linked to its source, and the note on hover. */
export function Source({ asOf, url, note }: { asOf?: string | null; url?: string | null; note?: string | null }) {
  if (!url) return <span className="muted">{asOf ?? DASH}</span>;
  return (
    <a className="source" href={url} target="_blank" rel="noopener noreferrer nofollow" title={note ?? undefined}>
      {asOf ?? "source"}
    </a>
  );
}
