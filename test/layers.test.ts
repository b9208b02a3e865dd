/**
 * The layers hold: every import in src/ follows the table in docs/development.md, and no two
 * folders import each other, directly or around a loop. Top-level files (audit.ts, run.ts, client.ts,
 * index.ts, tool.ts) are layers of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The table of docs/development.md, as the test reads it: layer → the layers it may import. */
function allowedFromReadme(): Map<string, Set<string>> {
  const readme = readFileSync('docs/development.md', 'utf8');
  const table = readme.slice(readme.indexOf('| layer | may import | why |'));
  const rows = table
    .split('\n')
    .slice(2)
    .filter((l) => l.startsWith('| `'));
  return new Map(
    rows.map((row) => {
      const [layer, may] = row
        .split('|')
        .slice(1, 3)
        .map((c) => c.trim());
      return [
        layer!.replaceAll('`', ''),
        new Set(may === '—' ? [] : may!.split(',').map((m) => m.trim().replaceAll('`', ''))),
      ];
    }),
  );
}

const SRC = 'src';
const layerOf = (file: string) => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.(ts|js)$/, '');
};
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** Every relative import in src/: the importing file and the layer of what it imports. */
function imports(): Array<{ file: string; from: string; to: string }> {
  const files = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(SRC, f));
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => {
      const target = normalize(join(dirname(file), (m[1] ?? m[2])!));
      return { file, from: layerOf(file), to: layerOf(target) };
    }),
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
  const allowed = allowedFromReadme();
  const edges = imports().filter((i) => i.from !== i.to);

  it('the table of docs/development.md names every layer of src/', () => {
    const layers = new Set(imports().flatMap((i) => [i.from, i.to]));
    expect([...layers].filter((l) => !allowed.has(l))).toEqual([]);
  });

  it('every import between layers is one the table allows', () => {
    const broken = edges
      .filter((e) => !allowed.get(e.from)?.has(e.to))
      .map(
        (e) =>
          `${e.file} imports ${e.to} (${e.from} may import: ${[...(allowed.get(e.from) ?? [])].join(', ') || 'nothing'})`,
      );
    expect(broken).toEqual([]);
  });

  it('no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    expect(cycles(graph)).toEqual([]);
  });

  it('finds the cycles it is meant to find', () => {
    const graph = new Map([
      ['render', new Set(['discovery'])],
      ['discovery', new Set(['platforms', 'render'])],
      ['platforms', new Set(['model'])],
    ]);
    expect(cycles(graph)).toEqual([['discovery', 'render']]);
  });
});
