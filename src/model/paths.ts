/** Whether a file path lies inside a folder: how owner exports are confined to the inventory's folder. */
import { isAbsolute, relative, sep } from 'node:path';

/** The path lies in the folder or below it (both resolved; symlinks are the caller's to follow). */
export function isInsideFolder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
