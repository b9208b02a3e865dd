/** `discover` and `discover --self-check` as text for a terminal; fetched text is made terminal-safe. */
import { plural, type DiscoveryRow, type SelfCheckRow } from '../model/index.js';
import { terminalSafe } from './sanitize.js';

export interface ListedRow extends DiscoveryRow {
  /** The inventory profile this is (with --inventory), or null when found but not listed. */
  listedAs?: string | null;
}

const pad = (s: string, n: number) => s.padEnd(n);

export function discoveryText(rows: readonly ListedRow[], inventory: string | null): string {
  const out: string[] = [];
  const width = rows.reduce((most, r) => Math.max(most, r.name.length), 0);
  for (const handle of [...new Set(rows.map((r) => r.handle))]) {
    out.push(`${terminalSafe(handle)}:`);
    for (const r of rows.filter((x) => x.handle === handle)) {
      const listed =
        r.listedAs === undefined || r.status !== 'found'
          ? ''
          : r.listedAs
            ? `  listed as ${r.listedAs}`
            : '  UNDECLARED';
      out.push(`  ${pad(r.status, 9)}  ${pad(r.name, width)}  ${terminalSafe(r.url)}${listed}`);
      out.push(`  ${' '.repeat(9)}  ${' '.repeat(width)}  ${terminalSafe(r.evidence)}`);
    }
  }
  const counts = (['found', 'not-found', 'unknown'] as const)
    .map((s) => `${rows.filter((r) => r.status === s).length} ${s}`)
    .join(', ');
  out.push(
    '',
    `${counts}. "unknown" means the platform did not let us tell (login wall, rate limit, challenge page): check those by hand.`,
  );
  if (inventory !== null) {
    const undeclared = rows.filter((r) => r.status === 'found' && r.listedAs === null);
    out.push(
      undeclared.length === 0
        ? `Every profile found is in ${inventory}.`
        : `Undeclared: ${plural(undeclared.length, 'profile')} ${undeclared.length === 1 ? 'exists but is' : 'exist but are'} not in ${inventory} (forgotten, or an impostor):\n${undeclared.map((r) => `  ${terminalSafe(r.url)}`).join('\n')}`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function selfCheckText(rows: readonly SelfCheckRow[]): string {
  const width = rows.reduce((most, r) => Math.max(most, r.name.length), 0);
  const lines = rows.map(
    (r) =>
      `${r.pass ? 'pass' : r.reached ? 'FAIL' : '----'}  ${pad(r.name, width)}  ${pad(terminalSafe(r.handle), 26)} expected ${pad(r.expected, 9)} got ${pad(r.status, 9)}  ${terminalSafe(r.evidence)}`,
  );
  lines.push('', selfCheckVerdict(rows));
  return `${lines.join('\n')}\n`;
}

/** What the self-check found, in one sentence: a check whose platform never answered tested nothing. */
export function selfCheckVerdict(rows: readonly SelfCheckRow[]): string {
  const unreached = rows.filter((r) => !r.reached).length;
  const failed = rows.filter((r) => r.reached && !r.pass).length;
  // a handle the platform does not allow is judged without asking it
  const asking = rows.filter((r) => r.checked !== null).length;
  if (unreached === asking)
    return `none of the ${plural(asking, 'check')} that ask a platform reached it (offline, or a proxy or firewall in the way): nothing was tested`;
  const notReached =
    unreached > 0 ? `; ${unreached} of ${rows.length} could not reach their platform and tested nothing` : '';
  return failed === 0
    ? `all ${rows.length - unreached} checks${unreached > 0 ? ' that reached their platform' : ''} pass: the table's markers still hold${notReached}`
    : `${failed} of ${rows.length} checks fail: the platform changed its pages, update src/discovery/platform-table.ts${notReached}`;
}
