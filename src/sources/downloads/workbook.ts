/**
 * A spreadsheet from an owner's download (.xlsx, via read-excel-file) as sheets of cells. An .xlsx is
 * itself a zip: before the library unpacks it, every part is inflated once through the archive caps,
 * so a workbook bomb is a clear error like any other (docs/security.md). A legacy Excel
 * 97–2003 workbook (BIFF, what some tools still name .xls) is recognised and refused with what to do.
 */
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ARCHIVE_LIMITS, ArchiveError, type ArchiveLimits, unpackCounter } from './unpack-caps.js';
import { gridCounter } from './workbook-grid.js';

export type SheetCell = string | number | boolean | Date | null;
export interface Sheet {
  name: string;
  rows: SheetCell[][];
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX_PARTS = 10_000;

/** Inflates every part of the workbook through the caps, and counts the cells of its XML parts (workbook-grid.ts) before the library allocates them. */
async function checkCaps(bytes: Buffer, file: string, limits: ArchiveLimits): Promise<void> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true }).catch((error: Error) => {
    throw new ArchiveError(`${file}: not a readable .xlsx workbook (${error.message.slice(0, 80)})`);
  });
  const counted = unpackCounter(limits, `workbook ${file}`);
  let parts = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (++parts > MAX_PARTS) throw new ArchiveError(`${file} holds more than ${MAX_PARTS} parts: refused`);
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      // any part may be a sheet (the workbook's relationships name them): every XML part is counted
      const grid = /\.xml$/i.test(entry.fileName) ? gridCounter(file, entry.fileName) : null;
      for await (const chunk of counted(`${file}: ${entry.fileName.slice(0, 80)}`, stream as Readable)) {
        // counting is the point: the bytes are dropped
        grid?.(chunk);
      }
    }
  } finally {
    zip.close();
  }
}

export async function readWorkbook(
  bytes: Buffer,
  file: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<Sheet[]> {
  if (bytes.subarray(0, 8).equals(OLE2))
    throw new ArchiveError(
      `${file} is a legacy Excel 97–2003 workbook (BIFF), which is not read: open it and save it as .xlsx or .csv`,
    );
  if (!bytes.subarray(0, 4).equals(ZIP)) throw new ArchiveError(`${file}: not an .xlsx workbook (it is not a zip)`);
  await checkCaps(bytes, file, limits);
  try {
    // loaded only when a workbook is read: every audit loads this module, few read a spreadsheet
    const { default: readExcelFile } = await import('read-excel-file/node');
    const sheets = await readExcelFile(Readable.from([bytes]));
    return sheets.map((s) => ({ name: s.sheet, rows: s.data as SheetCell[][] }));
  } catch (error) {
    throw new ArchiveError(`${file}: not a readable .xlsx workbook (${(error as Error).message.slice(0, 80)})`);
  }
}
