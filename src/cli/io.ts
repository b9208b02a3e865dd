/**
 * Where the command line reads its environment and writes its output: the process's own streams for
 * the binary, or strings for tests running the program in-process.
 */
export interface Output {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  /** Terminal width, when the output is a terminal. */
  columns?: number;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });
