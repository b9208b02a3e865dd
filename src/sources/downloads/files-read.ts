import { ArchiveError } from './unpack-caps.js';

/**
 * The files a format read, for its note ("read posts/your_posts_1.json and comments/comments.json"):
 * a download's layout changes with its era, so the note says which files the numbers come from.
 */
export function filesRead(files: readonly string[]): string {
  const shown = files.length > 4 ? [...files.slice(0, 3), `${files.length - 3} more`] : [...files];
  const last = shown.pop();
  return `read ${shown.length ? `${shown.join(', ')} and ${last}` : last}`;
}

/**
 * An HTML-format download (Meta's "Download your information" offers HTML or JSON): `html` matches
 * the HTML files the format recognises among `files`; the others are returned, to be read. Throws
 * when only HTML was found, saying what the download is, what was expected and the files it holds
 * (by their names: a reason is clipped at 200 characters); the platform's `download.request` says
 * where the JSON one is requested.
 */
export function htmlOnly(what: string, files: readonly string[], html: RegExp): string[] {
  const json = files.filter((f) => !html.test(f));
  if (json.length > 0) return json;
  const names = files.map((f) => f.slice(f.lastIndexOf('/') + 1));
  const shown = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  throw new ArchiveError(
    `the HTML format of ${what}, where JSON is expected: request the JSON format (it holds ${shown})`,
  );
}
