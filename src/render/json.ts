import { fromDisplayCopy } from './sanitize.js';
import type { Renderer } from './types.js';

/** The report object, pretty-printed; key order is the order the report builder wrote. */
export const renderJson: Renderer = fromDisplayCopy((report) => `${JSON.stringify(report, null, 2)}\n`);
