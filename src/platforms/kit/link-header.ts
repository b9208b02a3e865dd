/** RFC 8288 Link header → URL of a relation (Mastodon pages with rel="next"). */
export function linkRel(header: string | undefined, rel: string, base: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (rels.includes(rel)) {
      try {
        return new URL(m[1]!, base).href;
      } catch {
        return null;
      }
    }
  }
  return null;
}
