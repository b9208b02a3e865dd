/**
 * The layers hold: every import in src/ follows the folder table of docs/architecture.md (the design's
 * table, as the code is), apart from the single imports its "Exceptions" list names; and no two layers
 * import each other, directly or around a loop. Top-level files (audit.ts, run.ts, client.ts, index.ts,
 * tool.ts…) are layers of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOC = 'docs/architecture.md';

/** The cells of the table rows (lines starting `| \``) of one section of the doc. */
function rows(section: string): string[][] {
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** A folder cell (`src/model/`, `src/audit.ts`) as the layer it is. */
const layerOfCell = (cell: string) =>
  names(cell)[0]!
    .replace(/^src\//, '')
    .replace(/(\/|\.ts)$/, '');

/** The doc, as the test reads it: layer → the layers it may import; and the allowed single imports. */
function readArchitecture(doc: string): {
  allowed: Map<string, Set<string>>;
  exceptions: Array<{ file: string; imports: string }>;
} {
  const start = doc.indexOf('| folder | what lives there | may import |');
  const exceptionsAt = doc.indexOf('## Exceptions');
  if (start < 0 || exceptionsAt < 0) throw new Error(`${DOC}: no layer table or no "## Exceptions" section`);
  const allowed = new Map(
    rows(doc.slice(start, doc.indexOf('\n## ', start))).map(([folder, , may]) => [
      layerOfCell(folder!),
      new Set(may === 'nothing' ? [] : names(may!)),
    ]),
  );
  const exceptions = rows(doc.slice(exceptionsAt)).map(([file, imports]) => ({
    file: names(file!)[0]!,
    imports: names(imports!)[0]!,
  }));
  return { allowed, exceptions };
}

const SRC = 'src';
const layerOf = (file: string) => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.(ts|js)$/, '');
};
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** Every relative import in src/: the importing file, the imported file, and their layers. */
function imports(): Array<{ file: string; target: string; from: string; to: string }> {
  const files = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(SRC, f));
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => {
      const target = normalize(join(dirname(file), (m[1] ?? m[2])!)).replace(/\.js$/, '.ts');
      return { file, target, from: layerOf(file), to: layerOf(target) };
    }),
  );
}

/** The imports between layers the table does not allow and the exceptions do not name. */
function brokenEdges(
  edges: ReturnType<typeof imports>,
  { allowed, exceptions }: ReturnType<typeof readArchitecture>,
): string[] {
  return edges
    .filter((e) => !allowed.get(e.from)?.has(e.to))
    .filter((e) => !exceptions.some((x) => x.file === e.file && x.imports === e.target))
    .map(
      (e) =>
        `${e.file} imports ${e.target} (${e.from} may import: ${[...(allowed.get(e.from) ?? [])].join(', ') || 'nothing'})`,
    );
}

/** The cycles among layers (Tarjan's strongly connected components of more than one layer). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return out;
}

describe('layers', () => {
  const architecture = readArchitecture(readFileSync(DOC, 'utf8'));
  const all = imports();
  const edges = all.filter((i) => i.from !== i.to);

  it(`${DOC} names every layer of src/, and only those`, () => {
    const layers = new Set(all.flatMap((i) => [i.from, i.to]));
    expect([...layers].filter((l) => !architecture.allowed.has(l))).toEqual([]);
    expect([...architecture.allowed.keys()].filter((l) => !layers.has(l))).toEqual([]);
  });

  it('every import between layers is one the table allows, or a listed exception', () => {
    expect(brokenEdges(edges, architecture)).toEqual([]);
  });

  it('every listed exception is an import the code has and the table does not allow', () => {
    const stale = architecture.exceptions.filter(
      (x) =>
        !edges.some((e) => e.file === x.file && e.target === x.imports && !architecture.allowed.get(e.from)?.has(e.to)),
    );
    expect(stale).toEqual([]);
  });

  it('the CLI goes through the library: cli may import index only', () => {
    expect([...(architecture.allowed.get('cli') ?? [])]).toEqual(['index']);
  });

  it('no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    expect(cycles(graph)).toEqual([]);
  });

  it('finds the edges and cycles it is meant to find', () => {
    const graph = new Map([
      ['render', new Set(['discovery'])],
      ['discovery', new Set(['platforms', 'render'])],
      ['platforms', new Set(['model'])],
    ]);
    expect(cycles(graph)).toEqual([['discovery', 'render']]);
    const doc = [
      '| folder | what lives there | may import |',
      '|---|---|---|',
      '| `src/model/` | types | nothing |',
      '| `src/cli/` | the binary | `index` |',
      '| `src/index.ts` | the door | `model` |',
      '',
      '## Exceptions',
      '',
      '| file | imports | why |',
      '|---|---|---|',
      '| `src/cli/program.ts` | `src/model/a.ts` | start-up |',
    ].join('\n');
    const edge = (file: string, target: string) => ({ file, target, from: layerOf(file), to: layerOf(target) });
    expect(
      brokenEdges(
        [
          edge('src/cli/program.ts', 'src/model/a.ts'),
          edge('src/cli/emit.ts', 'src/model/a.ts'),
          edge('src/cli/emit.ts', 'src/index.ts'),
          edge('src/model/a.ts', 'src/index.ts'),
        ],
        readArchitecture(doc),
      ),
    ).toEqual([
      'src/cli/emit.ts imports src/model/a.ts (cli may import: index)',
      'src/model/a.ts imports src/index.ts (model may import: nothing)',
    ]);
  });
});
