/** Findings about the evidence itself: what of an owner's download could not be used, an owner's API that refused its credential. */
import { plural } from '../../model/index.js';
import { defineFindings, n, s } from './define.js';

export const EVIDENCE_FINDINGS = defineFindings({
  'export-rows-rejected': {
    group: 'profile',
    title: 'Export rows skipped',
    severity: 'warning',
    evaluate: ({ metrics: m }) =>
      m && m.sample.rejectedRows > 0
        ? { evidence: { rows: m.sample.rejectedRows, used: m.sample.size, first: m.sample.problems[0] ?? null } }
        : null,
    message: (e) =>
      `${plural(n(e.rows), 'row')} of the export could not be read and were left out (${n(e.used)} used); first: ${s(e.first)}`,
    recommendation: "Fix the listed rows in the export file (see the profile's sample problems) and re-run.",
    action: null,
    mootWhenClosing: false,
  },
  'credential-refused': {
    group: 'profile',
    title: 'Credential refused',
    severity: 'warning',
    // the variable's name, never its value; the API's reason as it said it
    evaluate: ({ api }) =>
      api?.refused
        ? {
            evidence: {
              credential: api.credential,
              service: api.service,
              reason: api.refused.reason,
              renew: api.refused.renew,
            },
          }
        : null,
    message: (e) =>
      `the ${s(e.service)} refused ${s(e.credential)} (${s(e.reason)}): the public source was read instead`,
    recommendation: (e) =>
      `Renew ${s(e.credential)}, expired, revoked or mistyped: it is ${s(e.renew)}; set the new one where the audit runs (a CI secret) and re-run.`,
    action: null,
    mootWhenClosing: false,
  },
});
