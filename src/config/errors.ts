/** A problem in an inventory file, with where it is and what was expected. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The inventory cannot be used. The CLI turns this into exit code 2. */
export class InventoryError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InventoryError';
    this.problems = problems;
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
