/**
 * The format of each -o, as every command that writes files chooses it: the one its extension implies,
 * or --format where the extension implies none (`.out`). --format and an extension that disagree is a
 * usage error: a JSON file named .html helps nobody. Without -o, --format (or the command's default)
 * goes to stdout.
 */
import { extname } from 'node:path';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { checkOutputFile, type OutputTarget, writeOutput, writeStdout } from './output.js';

export interface FormatChoice<F extends string> {
  format: F;
  /** The file, or null for stdout. */
  name: string | null;
}

export interface FileFormats<F extends string> {
  /** The format a file's name implies, or null. */
  implied(name: string): F | null;
  /** Without -o and --format. */
  fallback: F;
  /** The extension a format's file takes, for the hint in a mismatch ("or a .html name"). */
  extensionOf?: (format: F) => string;
}

/** --format's value, checked against the command's formats. */
export function givenFormat<F extends string>(value: string | undefined, formats: readonly F[]): F | null {
  if (value === undefined) return null;
  if (!(formats as readonly string[]).includes(value))
    throw new UsageError(`--format: expected one of ${formats.join(', ')}, got "${value}"`);
  return value as F;
}

export function chooseFormats<F extends string>(
  given: F | null,
  files: readonly string[],
  rule: FileFormats<F>,
): Array<FormatChoice<F>> {
  if (files.length === 0) return [{ format: given ?? rule.fallback, name: null }];
  return files.map((name) => {
    const implied = rule.implied(name);
    if (given !== null && implied !== null && implied !== given) {
      const hint = rule.extensionOf ? ` or a ${rule.extensionOf(given)} name` : '';
      throw new UsageError(
        `-o ${name}: the format ${given} does not match the extension ${extname(name)}; pass -f ${implied}${hint}`,
      );
    }
    const format = implied ?? given;
    if (format === null) throw new UsageError(`-o ${name}: cannot tell the format from the extension; add --format`);
    return { format, name };
  });
}

/** A rule from a table of extensions (`.md` → markdown), lower-cased. */
export function byExtension<F extends string>(table: Readonly<Record<string, F>>): (name: string) => F | null {
  return (name) => table[extname(name).toLowerCase()] ?? null;
}

/** Each choice with its file checked (writable, not a folder) before any work: a file given twice is a usage error. */
export async function checkedFiles<F extends string>(
  chosen: ReadonlyArray<FormatChoice<F>>,
): Promise<Array<FormatChoice<F> & { target: OutputTarget | null }>> {
  const seen = new Set<string>();
  const out: Array<FormatChoice<F> & { target: OutputTarget | null }> = [];
  for (const { format, name } of chosen) {
    const target = name === null ? null : await checkOutputFile('-o', name);
    if (target && seen.has(target.path)) throw new UsageError(`-o ${name}: the same file is given twice`);
    if (target) seen.add(target.path);
    out.push({ format, name, target });
  }
  return out;
}

/**
 * Each checked choice written, rendered by `render(format)`: to its file, saying so on stderr unless quiet
 * (`wrote html history of 3 reports to h.html`), or to stdout where no file was given.
 */
export async function writeChoices<F extends string>(
  io: CliIo,
  quiet: boolean | undefined,
  choices: ReadonlyArray<FormatChoice<F> & { target: OutputTarget | null }>,
  render: (format: F) => string,
  what: string,
): Promise<void> {
  for (const { format, name, target } of choices) {
    const content = render(format);
    if (!target) await writeStdout(io, content);
    else {
      await writeOutput(target, content);
      if (!quiet) io.stderr.write(`wrote ${format} ${what} to ${name}\n`);
    }
  }
}
