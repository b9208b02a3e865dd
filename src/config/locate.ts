/** Where a value of the inventory is written: a YAML path turned into file, line and column. */
import type { Document, LineCounter, Node } from 'yaml';
import type { ConfigProblem } from './errors.js';

export type PathKey = string | number;

export interface Locator {
  /** A problem at a character offset of the file. */
  at(offset: number | undefined, message: string): ConfigProblem;
  /** A problem at the value of a path, or at its nearest written parent when it is missing. */
  atPath(path: readonly PathKey[], message: string): ConfigProblem;
}

export function locator(file: string, doc: Document, lineCounter: LineCounter): Locator {
  const at = (offset: number | undefined, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col, message };
  };
  const atPath = (path: readonly PathKey[], message: string): ConfigProblem => {
    for (let n = path.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
      if (node?.range) return at(node.range[0], message);
    }
    return at(0, message);
  };
  return { at, atPath };
}

/** `profiles[2].platform`, as messages name a place. */
export function pathLabel(path: readonly PathKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
