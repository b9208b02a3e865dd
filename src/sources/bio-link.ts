/** The first web link in a profile's bio or fields: from `href="…"` in HTML, or a bare URL in text. */

const MAX_URL = 2000;

/** An absolute http(s) URL, or null; anything else (javascript:, mailto:, relative) is no web link. */
function webUrl(candidate: string): string | null {
  const text = candidate.replace(/&amp;/g, '&').replace(/[).,;:!?'"]+$/, '');
  if (text.length > MAX_URL || !URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

export function firstWebLink(...sources: Array<string | null | undefined>): string | null {
  for (const source of sources) {
    if (!source) continue;
    for (const m of source
      .slice(0, 20_000)
      .matchAll(/href\s*=\s*"([^"]*)"|href\s*=\s*'([^']*)'|(https?:\/\/[^\s<>"']+)/gi)) {
      const found = webUrl(m[1] ?? m[2] ?? m[3] ?? '');
      if (found) return found;
    }
  }
  return null;
}
