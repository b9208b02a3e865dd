/** The named errors of reading and merging saved reports (light: the CLI imports them at start-up). */

/** A saved report that cannot be read: not JSON, not a report, or from a newer channel-audit. */
export class ReportFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ReportFileError';
  }
}

/** Shard reports that do not make one whole report. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}
