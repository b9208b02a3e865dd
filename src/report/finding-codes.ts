/**
 * The finding codes this version writes into a report, for the library's users (they were model's; the
 * definitions are scoring's now, and the library reaches scoring through the report).
 */
export { FINDING_CODES, type FindingCode } from '../scoring/findings/index.js';
