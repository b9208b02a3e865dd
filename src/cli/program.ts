/** Commander wiring: commands, options and help text. Thin: the work is in commands/. */
import { Command, Option } from 'commander';
import { FAIL_ON_LEVELS } from '../model/findings.js';
import { OUTPUT_FORMAT_NAMES } from '../render/formats.js';
import { TOOL } from '../tool.js';
import type { ExitCode } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

// each command's module (and its heavy dependencies: undici, cheerio, zod, yaml…) loads only when it runs
const auditCommand = async (...args: Parameters<typeof import('./commands/audit.js').auditCommand>) =>
  (await import('./commands/audit.js')).auditCommand(...args);
const discoverCommand = async (...args: Parameters<typeof import('./commands/discover.js').discoverCommand>) =>
  (await import('./commands/discover.js')).discoverCommand(...args);
const compareCommand = async (...args: Parameters<typeof import('./commands/compare.js').compareCommand>) =>
  (await import('./commands/compare.js')).compareCommand(...args);
const diffCommand = async (...args: Parameters<typeof import('./commands/diff.js').diffCommand>) =>
  (await import('./commands/diff.js')).diffCommand(...args);
const initCommand = async (...args: Parameters<typeof import('./commands/init.js').initCommand>) =>
  (await import('./commands/init.js')).initCommand(...args);
const mergeCommand = async (...args: Parameters<typeof import('./commands/merge.js').mergeCommand>) =>
  (await import('./commands/merge.js')).mergeCommand(...args);
const platformsCommand = async (...args: Parameters<typeof import('./commands/platforms.js').platformsCommand>) =>
  (await import('./commands/platforms.js')).platformsCommand(...args);
const historyCommand = async (...args: Parameters<typeof import('./commands/history.js').historyCommand>) =>
  (await import('./commands/history.js')).historyCommand(...args);
const reportCommand = async (...args: Parameters<typeof import('./commands/report.js').reportCommand>) =>
  (await import('./commands/report.js')).reportCommand(...args);
const validateCommand = async (...args: Parameters<typeof import('./commands/validate.js').validateCommand>) =>
  (await import('./commands/validate.js')).validateCommand(...args);

const EXIT_HELP = `
Exit codes:
  0  nothing at or above the --fail-on level
  1  findings at or above the --fail-on level
  2  bad usage or a bad inventory file
  3  the run itself failed, or was interrupted (Ctrl-C, SIGTERM: the report of what was done is still written)`;

/** A repeatable option's values, in order. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function buildProgram(setExit: (code: ExitCode) => void, io: CliIo = processIo()): Command {
  const program = new Command()
    // help and usage errors go where the rest of the output goes (the process's streams, or a test's)
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text) })
    .name('channel-audit')
    .description("Audit a company's social media profiles for staleness, broadcast vs conversation and canned replies.")
    .version(TOOL.version)
    .showHelpAfterError()
    .exitOverride() // set before the subcommands so they inherit it: usage errors become exit code 2
    .addHelpText('after', EXIT_HELP);

  program
    .command('audit')
    .description('fetch every profile of an inventory, measure it and print the audit report')
    .argument('<inventory>', 'YAML inventory file')
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format (${OUTPUT_FORMAT_NAMES.join(', ')}); default table, or from -o's extension`,
      ),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .option('--width <n>', "the table's width in columns (default: the terminal's, or COLUMNS when piped)")
    .option(
      '--chromium <path>',
      'the Chromium that prints -o FILE.pdf (default: chromium, chromium-browser, google-chrome or google-chrome-stable on PATH)',
    )
    .option(
      '--as-of <date>',
      'audit as of this date (YYYY-MM-DD = 00:00 UTC, or ISO 8601); default now, with --shard 00:00 UTC today',
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        `exit 1 on findings at or above this level (${FAIL_ON_LEVELS.join(', ')})`,
      ).default('critical'),
    )
    .option('--record <dir>', 'save every HTTP exchange of the run as evidence in <dir>')
    .option('--replay <dir>', 'run from evidence saved with --record, with no network')
    .option('--concurrency <n>', 'requests in flight at once across hosts (default 16, or settings.concurrency)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds (default 15000)')
    .option(
      '--profile-timeout <ms>',
      'time one profile may take, all its requests together, in milliseconds (default 600000)',
    )
    .option(
      '--listen <n>',
      "threads under each profile's own posts read to see who answers its audience (default 40, or settings.listenBudget; 0 = off)",
    )
    .option(
      '--baseline <report.json>',
      'compare with an earlier JSON report: findings new, unchanged or resolved, statuses that got worse',
    )
    .option('--fail-on-new', 'with --baseline: exit 1 only for new findings at or above --fail-on')
    .option(
      '--cache <dir>',
      'keep responses with ETag/Last-Modified in <dir> and revalidate them next run (304 reuses the body)',
    )
    .option('--cache-max-age <days>', 'with --cache: entries older than this are fetched in full (default 7)')
    .option('--ignore-robots', "fetch HTML pages even where the site's robots.txt disallows them")
    .option('--user-agent <ua>', "the User-Agent header (default: channel-audit's, with its version and home page)")
    .option('--shard <i/n>', 'audit only shard I of N (cut by host; combine the shard reports with `merge`)')
    .option(
      '--allow-outside-paths',
      "read owner exports (posts:, archive:) outside the inventory's folder; their content is never quoted",
    )
    .option('-v, --verbose', 'log every HTTP request (URL, status, time) to stderr; credentials are never shown')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addHelpText('after', EXIT_HELP)
    .action(async (file: string, flags) => setExit(await auditCommand(file, flags, io)));

  program
    .command('merge')
    .description('combine the JSON reports of every shard (audit --shard I/N) into the report of the whole inventory')
    .argument('<reports...>', 'the JSON report of each shard')
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format (${OUTPUT_FORMAT_NAMES.join(', ')}); default json, or from -o's extension`,
      ),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        `exit 1 on findings at or above this level (${FAIL_ON_LEVELS.join(', ')}); default: the level the audit used`,
      ),
    )
    .option('--width <n>', "the table's width in columns (default: the terminal's, or COLUMNS when piped)")
    .option(
      '--chromium <path>',
      'the Chromium that prints -o FILE.pdf (default: chromium, chromium-browser, google-chrome or google-chrome-stable on PATH)',
    )
    .option('--baseline <report.json>', 'compare the merged report with an earlier JSON report')
    .option('--fail-on-new', 'with --baseline: exit 1 only for new findings at or above --fail-on')
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (files: string[], flags) => setExit(await mergeCommand(files, flags, io)));

  program
    .command('report')
    .description('render a saved JSON report again, in any format: one crawl, every deliverable')
    .argument('<report.json>', 'a JSON report written by audit or merge')
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format (${OUTPUT_FORMAT_NAMES.join(', ')}); default table, or from each -o's extension`,
      ),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .option('--width <n>', "the table's width in columns (default: the terminal's, or COLUMNS when piped)")
    .option(
      '--chromium <path>',
      'the Chromium that prints -o FILE.pdf (default: chromium, chromium-browser, google-chrome or google-chrome-stable on PATH)',
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        `exit 1 on findings at or above this level (${FAIL_ON_LEVELS.join(', ')}); default: the level the audit used`,
      ),
    )
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (file: string, flags) => setExit(await reportCommand(file, flags, io)));

  program
    .command('history')
    .description('how a series of saved reports of one inventory moved: status, score, cadence, conversation, canned')
    .argument('<reports...>', 'saved JSON reports, or folders of them (every .json file), in any order')
    .addOption(new Option('-f, --format <format>', 'text, markdown, json or html (small multiples over time)'))
    .option(
      '-o, --output <file>',
      'write it to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .option('--window <n>', 'compare the newest report with the best of the N before it (default 7)')
    .option(
      '--fail-on-regression',
      'exit 1 when the newest report is worse: a status or verdict worse than the best of the --window before, a new finding at or above --fail-on, or a score drop beyond --tolerance',
    )
    .option(
      '--fail-on <level>',
      'with --fail-on-regression: new findings at or above this level fail (default warning)',
    )
    .option(
      '--tolerance <points>',
      'with --fail-on-regression: a score drop since the report before beyond this fails (default 5)',
    )
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (paths: string[], flags) => setExit(await historyCommand(paths, flags, io)));

  program
    .command('diff')
    .description('compare two JSON reports: new, unchanged and resolved findings, and status changes')
    .argument('<old>', 'the earlier JSON report')
    .argument('<new>', 'the later JSON report')
    .addOption(
      new Option(
        '-f, --format <format>',
        "text, markdown or json (the new report with every finding marked); default text, or from -o's extension",
      ),
    )
    .option(
      '-o, --output <file>',
      'write the comparison to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        `exit 1 on new findings at or above this level (${FAIL_ON_LEVELS.join(', ')})`,
      ).default('never'),
    )
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (oldFile: string, newFile: string, flags) => setExit(await diffCommand(oldFile, newFile, flags, io)));

  program
    .command('compare')
    .description(
      "put companies side by side from their JSON reports, overall and per platform: the first report is yours, the others your competitors'",
    )
    .argument('<reports...>', 'two JSON reports or more (audit -o x.json), yours first')
    .addOption(
      new Option(
        '-f, --format <format>',
        "table, markdown, json or html (a self-contained page); default table, or from -o's extension",
      ),
    )
    .option(
      '-o, --output <file>',
      'write the benchmark to a file, in the format of its extension (repeat for more formats)',
      collect,
    )
    .option('-q, --quiet', 'no notes on stderr')
    .action(async (files: string[], flags) => setExit(await compareCommand(files, flags, io)));

  program
    .command('discover')
    .description(
      'check the known platforms for profiles under these handles: found, not-found, or unknown (login wall, rate limit)',
    )
    .option('--handle <name>', 'a handle to look for (repeat for more)', collect)
    .option('--inventory <file>', 'mark each profile found as listed in this inventory, or undeclared')
    .option('--append', 'with --inventory: add the undeclared profiles found to the inventory file')
    .option('--platform <ids>', 'only these platforms, comma-separated')
    .option(
      '--self-check',
      "check the platform table's markers against its known-existing and known-missing sample handles (exit 1 if one fails)",
    )
    .option(
      '--endpoint <platform=url>',
      'check PLATFORM at this base URL instead of the public one (mirrors, proxies, tests; repeat for more)',
      collect,
    )
    .addOption(new Option('-f, --format <format>', 'text or json').default('text'))
    .option('--timeout <ms>', 'per-request timeout in milliseconds (default 15000)')
    .option('--ignore-robots', "check pages even where the platform's robots.txt disallows them")
    .option('--user-agent <ua>', 'the User-Agent header')
    .action(async (flags) => setExit(await discoverCommand(flags, io)));

  program
    .command('platforms')
    .description(
      'list the platforms it reads: the URLs it recognises, how each is read, what it can and cannot measure and why, and its endpoint setting',
    )
    .addOption(new Option('-f, --format <format>', 'text or json').default('text'))
    .action(async (flags: { format?: string }) => setExit(await platformsCommand(flags, io)));

  program
    .command('validate')
    .description('check an inventory file and report every problem with its line and column')
    .argument('<inventory>', 'YAML inventory file')
    .option('--allow-outside-paths', "accept owner exports (posts:, archive:) outside the inventory's folder")
    .action(async (file: string, flags: { allowOutsidePaths?: boolean }) =>
      setExit(await validateCommand(file, flags, io)),
    );

  program
    .command('init')
    .description(
      "write a commented starter inventory, or with --from-site one of the profiles the company's website links to",
    )
    .argument('[file]', 'where to write it', 'channel-audit.yaml')
    .option(
      '--from-site <url>',
      'read the home page (and the contact/about pages it links to) for profile links: footer icons, rel="me", JSON-LD sameAs',
    )
    .option('--ignore-robots', "with --from-site: fetch pages even where the site's robots.txt disallows them")
    .option('--user-agent <ua>', 'with --from-site: the User-Agent header')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, flags) => setExit(await initCommand(file, flags, io)));

  return program;
}
