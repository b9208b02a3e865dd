/** Reads a saved JSON report from disk for --baseline, diff and merge. */
import { readFile } from 'node:fs/promises';
import { parseReport, type Report } from '../index.js';
import { UsageError } from './errors.js';

export async function readReportFile(file: string, role: string): Promise<Report> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${role} ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return parseReport(text, file);
}
