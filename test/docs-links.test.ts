/**
 * The README and the manual link to what exists (issue 32, item 6): every relative link of README.md and
 * docs/*.md names a file of the repository and, with a #fragment, one of its headings; and the README's
 * links stay inside what the package ships (package.json "files"), so they work in an installed tarball.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');

const anchors = (page: string) =>
  new Set(
    readFileSync(page, 'utf8')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  );

/** Every relative link of a page: the file it resolves to (from the repository's root) and its fragment. */
function links(page: string): Array<{ text: string; file: string; fragment: string | null }> {
  const body = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...body.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => {
      const [path, fragment] = target.split('#') as [string, string | undefined];
      return { text: target, file: path ? normalize(join(dirname(page), path)) : page, fragment: fragment ?? null };
    });
}

describe('the links of the README and the manual', () => {
  it.each(PAGES)('%s links to files and headings that exist', (page) => {
    const broken = links(page).filter(({ file, fragment }) => {
      if (!existsSync(file)) return true;
      return fragment !== null && file.endsWith('.md') && !anchors(file).has(fragment);
    });
    expect(broken.map((l) => l.text)).toEqual([]);
  });

  it("the README links only to what the package ships, so they work where it's installed", () => {
    const files = (JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] }).files;
    const outside = links('README.md').filter(
      ({ file }) => file !== 'README.md' && !files.some((f) => file === f || file.startsWith(`${f}/`)),
    );
    expect(outside.map((l) => l.text)).toEqual([]);
  });
});
