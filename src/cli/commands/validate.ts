/** `channel-audit validate FILE`: check an inventory without fetching anything. */
import { plural, terminalSafe, terminalText, validateInventory } from '../../index.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { writeStdout } from '../output.js';

export async function validateCommand(
  file: string,
  flags: { allowOutsidePaths?: boolean } = {},
  io: CliIo = processIo(),
): Promise<ExitCode> {
  const { inventory, profiles, credentials } = await validateInventory(file, {
    allowOutsidePaths: flags.allowOutsidePaths === true,
    env: io.env,
  });
  for (const note of inventory.notes) io.stderr.write(terminalText(`note: ${note}\n`));
  // the inventory's own text goes to a terminal: without control, bidi or zero-width characters
  const lines = [
    `${file}: valid — ${terminalSafe(inventory.company)}, ${plural(inventory.profiles.length, 'profile')}`,
  ];
  for (const [i, { profile: p, platform, urlCarriesCredentials, download }] of profiles.entries()) {
    const source = p.export ? `  (${p.export.kind}: ${terminalSafe(p.export.path)})` : '';
    lines.push(`  ${p.id}  ${platform ?? '?'}${source}`);
    if (urlCarriesCredentials) {
      io.stderr.write(
        `warning: profiles[${i}].url carries credentials (user:password@ or a token in the query): they are sent to its host but redacted from every report; a public profile URL needs none\n`,
      );
    }
    if (p.export && download && !download.found) {
      io.stderr.write(
        `note: profiles[${i}].${p.export.kind}: export file not found: ${terminalSafe(p.export.resolved)}; the audit will report this profile as "error"\n`,
      );
    } else if (download?.found) {
      lines.push(
        download.read.ok
          ? `    ${terminalSafe(download.read.summary)}`
          : `    cannot be read: ${terminalSafe(download.read.reason)}`,
      );
    }
  }
  if (credentials.length > 0) {
    lines.push('credentials (read from the environment when the audit runs; values are never printed):');
    const width = credentials.reduce((w, c) => Math.max(w, c.env.length), 0);
    for (const c of credentials) {
      const state = c.problem ? 'invalid' : c.set ? 'set    ' : 'missing';
      const then = c.problem
        ? `: ${c.problem}; those profiles will be "error"`
        : c.set
          ? ''
          : ': the public source is read instead';
      lines.push(`  ${c.env.padEnd(width)}  ${state}  ${terminalSafe(c.users.join(', '))}${then}`);
      lines.push(`  ${''.padEnd(width)}  sent only to ${c.origins.join(', ')}`);
    }
  }
  await writeStdout(io, `${lines.join('\n')}\n`);
  return ExitCode.Ok;
}
