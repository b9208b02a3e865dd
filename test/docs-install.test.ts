/**
 * Every CI snippet in the README and the manual installs channel-audit before it runs it, and none runs
 * a bare `npx channel-audit` (issue 35, item 2): the name is not on the npm registry, so on a runner
 * without it npx would fetch and run whatever package holds that name, with the job's tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = ['README.md', ...readdirSync('docs').map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
/** Each fenced block of a file, with its language. */
const blocks = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

describe('installing channel-audit in CI, as the docs show it', () => {
  it('no snippet or sentence runs a bare `npx channel-audit`', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // the README and docs/security.md name the bare form once, to warn against it
      const bare = [...text.matchAll(/npx (?!--no-install )(?:-\S+ )*channel-audit\b/g)].filter(
        (m) => !/bare\s+`$/.test(text.slice(Math.max(0, m.index - 12), m.index)),
      );
      expect(
        bare.map((m) => m[0]),
        file,
      ).toEqual([]);
    }
  });

  it('every workflow snippet that runs channel-audit installs it first', () => {
    let checked = 0;
    for (const file of files)
      for (const { lang, text } of blocks(file)) {
        if (lang !== 'yaml' || !/channel-audit (audit|merge|report|diff|history)\b|\/channel-audit@/.test(text))
          continue;
        const run = text.search(/npx --no-install channel-audit/);
        const uses = text.search(/uses: \S*\/channel-audit@/);
        if (run < 0) {
          expect(uses, `${file}: a workflow that runs channel-audit, neither installed nor the Action`).toBeGreaterThan(
            -1,
          );
        } else {
          const install = text.search(/npm install (-g )?--no-save \S+channel-audit\S*\.tgz|npm install -g \S+\.tgz/);
          expect(install, `${file}: no install before\n${text}`).toBeGreaterThan(-1);
          expect(install, `${file}: the install comes after the first run`).toBeLessThan(run);
        }
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(3); // the nightly workflow, the Action's, the owner APIs' step
  });
});
