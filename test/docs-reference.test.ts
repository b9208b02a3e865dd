/**
 * The manual's references are complete and true (issue 32, item 6): every key docs/inventory.md names is a
 * key of the inventory schema and every key of the schema is named there; every option docs/commands.md
 * names is the program's, command by command, and every option of the program is named there.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { InventorySchema } from '../src/config/schema.js';

/** The zod internals the walk needs: a schema's kind and what it wraps. */
interface Def {
  type: string;
  shape?: Record<string, { def: Def }>;
  innerType?: { def: Def };
  element?: { def: Def };
  options?: Array<{ def: Def }>;
  valueType?: { def: Def };
}

/** What a record's keys are called in the manual: names the user chooses. */
const RECORD_KEY: Record<string, string> = { hosts: '<host>', where: '<column>' };

/** Every key path of the schema: `settings.hosts.<host>.concurrency`, `profiles[].posts.file`, … */
function schemaPaths(def: Def, path = '', into = new Set<string>()): Set<string> {
  if (def.type === 'object')
    for (const [key, value] of Object.entries(def.shape!)) {
      const child = path ? `${path}.${key}` : key;
      into.add(child);
      schemaPaths(value.def, child, into);
    }
  else if (def.type === 'optional' || def.type === 'nullable') schemaPaths(def.innerType!.def, path, into);
  else if (def.type === 'array') schemaPaths(def.element!.def, `${path}[]`, into);
  else if (def.type === 'union') for (const option of def.options!) schemaPaths(option.def, path, into);
  else if (def.type === 'record') {
    const child = `${path}.${RECORD_KEY[path.split('.').at(-1)!] ?? '<key>'}`;
    into.add(child);
    schemaPaths(def.valueType!.def, child, into);
  }
  return into;
}

/** `a.{b,c}.d` → `a.b.d`, `a.c.d` (the manual's shorthand for keys that share a shape). */
function expand(pattern: string): string[] {
  const brace = /\{([^{}]*)\}/.exec(pattern);
  if (!brace) return [pattern];
  return brace[1]!
    .split(',')
    .flatMap((alt) => expand(pattern.slice(0, brace.index) + alt + pattern.slice(brace.index + brace[0].length)));
}

/** The first cells of the rows of every table under `header`, in a Markdown text (or a slice of one). */
function firstCells(markdown: string, header: string): string[] {
  const cells: string[] = [];
  for (const table of markdown.split(header).slice(1)) {
    for (const row of table.split('\n').slice(2)) {
      if (!row.startsWith('|')) break;
      cells.push(row.split(/(?<!\\)\|/)[1]!);
    }
  }
  return cells;
}

const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The key paths docs/inventory.md names: the settings table (under `settings.`) and the table of every key. */
function documentedPaths(): string[] {
  const doc = readFileSync('docs/inventory.md', 'utf8');
  const settings = firstCells(doc, '| setting | default | meaning |')
    .flatMap(codeSpans)
    .map((k) => `settings.${k}`);
  const keys = firstCells(doc, '| key | meaning |').flatMap(codeSpans);
  return [...settings, ...keys].flatMap(expand);
}

/** A path and every path it lies under: `profiles[].posts.file` → `profiles`, `profiles[].posts`, … */
const withParents = (path: string) =>
  path.split('.').map((_, i, parts) =>
    parts
      .slice(0, i + 1)
      .join('.')
      .replace(/\[\]$/, ''),
  );

describe('docs/inventory.md', () => {
  const schema = schemaPaths((InventorySchema as unknown as { def: Def }).def);
  const documented = documentedPaths();

  it('names only keys the inventory schema has', () => {
    expect(documented.length).toBeGreaterThan(50);
    expect(documented.filter((path) => !schema.has(path))).toEqual([]);
  });

  it('names every key of the inventory schema', () => {
    const covered = new Set(documented.flatMap(withParents));
    expect([...schema].map((p) => p.replace(/\[\]$/, '')).filter((path) => !covered.has(path))).toEqual([]);
  });
});

/** Each command's long options, as the program defines them (`--help` is every command's). */
function programOptions(): Map<string, string[]> {
  const program = buildProgram(() => {});
  const longs = (command: Command) => command.options.map((o) => o.long!).sort();
  return new Map([
    ['Every command', [...longs(program), '--help'].sort()],
    ...program.commands.map((c) => [`\`${c.name()}\``, longs(c)] as [string, string[]]),
  ]);
}

/** Each `## ` section of docs/commands.md that has an options table, with the long options it names. */
function documentedOptions(): Map<string, string[]> {
  const doc = readFileSync('docs/commands.md', 'utf8');
  const sections = doc.split(/^## /m).slice(1);
  return new Map(
    sections
      .filter((section) => section.includes('| option | meaning |'))
      .map((section) => [
        section.slice(0, section.indexOf('\n')).trim(),
        [
          ...new Set(
            firstCells(section, '| option | meaning |').flatMap((cell) =>
              [...cell.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]),
            ),
          ),
        ].sort(),
      ]),
  );
}

describe('docs/commands.md', () => {
  it('documents every command, each with exactly the options the program gives it', () => {
    const program = programOptions();
    const documented = documentedOptions();
    expect([...documented.keys()].sort()).toEqual([...program.keys()].sort());
    for (const [command, options] of program) expect(documented.get(command), command).toEqual(options);
  });
});
