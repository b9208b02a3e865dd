/** A problem in an inventory file, with where it is and what was expected. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The only problem said at its place: it says more than the schema's generic one there (a token written in). */
  only?: true;
}

/** The inventory cannot be used. The CLI turns this into exit code 2. */
export class InventoryError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'InventoryError';
    this.problems = sorted;
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
