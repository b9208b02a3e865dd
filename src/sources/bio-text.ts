/** A profile's bio as plain text, for the report's identity section (its first link is bio-link.ts's). */
import { collapseSpaces } from './spaces.js';
import { htmlToText } from './text.js';

/** Characters of a bio kept in the report: platforms cap bios near this (Mastodon 500, Bluesky 256). */
export const MAX_BIO = 500;

/**
 * The bio's text, '' for a bio field the platform shows empty. Callers pass '' (not null) for a field the
 * source always holds, so an empty bio is told apart from a platform that shows none (null in the report).
 */
export function bioText(source: string, html = false): string {
  const text = collapseSpaces(html ? htmlToText(source.slice(0, MAX_BIO * 8)) : source);
  return text.length > MAX_BIO ? `${text.slice(0, MAX_BIO - 1)}…` : text;
}
