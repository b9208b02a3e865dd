import type { FailOn, Report } from '../model/index.js';

export interface RenderOptions {
  /** chalk colour level: 0 none, 1 basic, 2 256, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Terminal width in columns, when known. */
  width: number | null;
  /** The --fail-on level (JUnit fails a profile's test case from this severity). */
  failOn: FailOn;
}

export type Renderer = (report: Report, options: RenderOptions) => string;
