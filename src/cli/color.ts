/** Colour level for stdout: chalk's detection (TTY, FORCE_COLOR), with NO_COLOR honoured. */
import { supportsColor } from 'chalk';

export function colorLevel(env: NodeJS.ProcessEnv, toFile: boolean): 0 | 1 | 2 | 3 {
  if (toFile) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') {
    return supportsColor ? supportsColor.level : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return supportsColor ? supportsColor.level : 0;
}
