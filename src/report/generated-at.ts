/** When a report says it was made: SOURCE_DATE_EPOCH or now (light: the CLI checks it before loading the audit). */
/**
 * `generatedAt` for byte-identical reports: SOURCE_DATE_EPOCH (whole seconds since 1970, as the
 * reproducible-builds specification defines it) when set; a value that is not one is an error, not
 * silently "now".
 */
export function generatedAtFrom(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now();
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime()))
    throw new SourceDateEpochError(
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 such as 1793491200, got "${epoch.slice(0, 40)}"`,
    );
  return date;
}

export class SourceDateEpochError extends Error {
  override name = 'SourceDateEpochError';
}
