/**
 * The consultant's branding from the inventory's `report:` section: who prepared the report, an intro
 * paragraph, an accent colour and a logo. The logo is a local image file, read once here and carried
 * in the report as a data URI (the HTML report stays one self-contained file, and `report` renders a
 * saved report with it). It must be a PNG, JPEG, GIF or WebP of at most 1 MiB inside the inventory's
 * folder (unless --allow-outside-paths); SVG is refused, as it can carry scripts.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isInsideFolder, type Inventory } from '../model/index.js';

export const MAX_LOGO_BYTES = 1024 * 1024;

const IMAGE_TYPES: Array<[string, (b: Buffer) => boolean]> = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
];

/** The logo's problem in words, for the inventory error that names `report.logo`. */
export class LogoError extends Error {
  override name = 'LogoError';
}

/** The logo as a data URI, checked; throws LogoError saying what is wrong with it. */
export async function readLogo(logo: NonNullable<Inventory['logo']>, allowOutside: boolean): Promise<string> {
  const real = await realpath(logo.resolved).catch(() => {
    throw new LogoError(`${logo.path} not found (resolved to ${logo.resolved})`);
  });
  if (!allowOutside && !isInsideFolder(await realpath(logo.root).catch(() => logo.root), real))
    throw new LogoError(`${logo.path} is outside the inventory's folder; pass --allow-outside-paths to use it`);
  const info = await stat(real);
  if (!info.isFile()) throw new LogoError(`${logo.path} is not a regular file`);
  if (info.size > MAX_LOGO_BYTES)
    throw new LogoError(`${logo.path} is ${info.size} bytes; a logo may be at most ${MAX_LOGO_BYTES} bytes (1 MiB)`);
  const bytes = await readFile(real);
  const type = IMAGE_TYPES.find(([, is]) => is(bytes))?.[0];
  if (!type)
    throw new LogoError(`${logo.path} is not a PNG, JPEG, GIF or WebP image (SVG is refused: it can carry scripts)`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}
