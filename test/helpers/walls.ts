/**
 * The wall pages of every platform, found wherever they lie: test/platforms/<id>/walls/*.html, each named after
 * its platform (`facebook-login.html` lies in facebook/walls/). A new platform's pages need no list to be found.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PLATFORMS = join(import.meta.dirname, '..', 'platforms');

/** Every wall page by file name, with its path. */
export const WALL_PAGES: ReadonlyMap<string, string> = new Map(
  readdirSync(PLATFORMS).flatMap((id) => {
    const dir = join(PLATFORMS, id, 'walls');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => {
        // the name says the platform, so a page filed in the wrong folder is caught here, not by a puzzled test
        if (!name.startsWith(`${id}-`)) throw new Error(`wall page ${id}/walls/${name} is not named ${id}-*.html`);
        return [name, join(dir, name)] as const;
      });
  }),
);

/** A wall page's markup, by its file name; an unknown name fails loudly instead of serving an empty page. */
export function wallPage(name: string): string {
  const path = WALL_PAGES.get(name);
  if (path === undefined) throw new Error(`no wall page ${name} in test/platforms/*/walls/`);
  return readFileSync(path, 'utf8');
}
