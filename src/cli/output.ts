/** Writing results: stdout, or a file written atomically (temp file + rename) so a crash leaves no half report. */
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

export async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, content);
  await rename(temp, file);
}

export function writeStdout(content: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(content, (error) => ((error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE' || !error ? resolve() : reject(error))),
  );
}
