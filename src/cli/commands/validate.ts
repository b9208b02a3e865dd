/** `channel-audit validate FILE`: check an inventory without fetching anything. */
import { existsSync } from 'node:fs';
import { credentialStatus } from '../../auth/credentials.js';
import { credentialOrigin } from '../../config/credential-origins.js';
import { loadInventory } from '../../config/load.js';
import { urlSecrets } from '../../model/uri.js';
import { platformDefinition } from '../../platforms/index.js';
import { platformOf } from '../../platforms/urls.js';
import { terminalSafe, terminalText } from '../../render/sanitize.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { writeStdout } from '../output.js';
import { plural } from '../../model/index.js';

export async function validateCommand(
  file: string,
  flags: { allowOutsidePaths?: boolean } = {},
  io: CliIo = processIo(),
): Promise<ExitCode> {
  const inventory = await loadInventory(file, { allowOutsidePaths: flags.allowOutsidePaths === true });
  for (const note of inventory.notes) io.stderr.write(terminalText(`note: ${note}\n`));
  // the inventory's own text goes to a terminal: without control, bidi or zero-width characters
  const lines = [
    `${file}: valid — ${terminalSafe(inventory.company)}, ${plural(inventory.profiles.length, 'profile')}`,
  ];
  for (const [i, p] of inventory.profiles.entries()) {
    const platform = platformOf(p) ?? '?';
    const source = p.export ? `  (${p.export.kind}: ${terminalSafe(p.export.path)})` : '';
    lines.push(`  ${p.id}  ${platform}${source}`);
    if (urlSecrets(p.url).length > 0) {
      io.stderr.write(
        `warning: profiles[${i}].url carries credentials (user:password@ or a token in the query): they are sent to its host but redacted from every report; a public profile URL needs none\n`,
      );
    }
    if (p.export && !existsSync(p.export.resolved)) {
      io.stderr.write(
        `note: profiles[${i}].${p.export.kind}: export file not found: ${terminalSafe(p.export.resolved)}; the audit will report this profile as "error"\n`,
      );
    } else if (p.export) {
      // the export is read as the audit will read it: what it found, or why it cannot be read (the
      // readers load only for an inventory with exports, so validating one without stays quick)
      const { readExport } = await import('../../exports/read.js');
      const outcome = await readExport(p, platform === '?' ? null : platform, {
        snowflakeIds: platform !== '?' && platformDefinition(platform).snowflakeIds === true,
      });
      lines.push(
        outcome.kind === 'ok'
          ? `    ${terminalSafe(outcome.timeline.sampleNote ?? `${outcome.timeline.posts.length} posts`)}`
          : `    cannot be read: ${terminalSafe(outcome.reason)}`,
      );
    }
  }
  const credentials = credentialStatus(inventory, io.env, platformOf, (platform, ref) =>
    credentialOrigin(platform, ref.origin),
  );
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
