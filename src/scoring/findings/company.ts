/** Company-level findings: what the profile results add up to (scoring/company.ts finds them). */
import { percent, plural } from '../../model/index.js';
import { defineFindings, n } from './define.js';

export const COMPANY_FINDINGS = defineFindings({
  'company-abandoned-profiles': {
    group: 'company',
    title: 'Abandoned profiles',
    severity: 'warning',
    message: (e) => `${n(e.count)} of ${plural(n(e.profiles), 'profile')} are abandoned or gone`,
    recommendation: 'Retire abandoned profiles: archive them, redirect them, or delete them.',
    action: null,
    mootWhenClosing: false,
  },
  'company-unanswered': {
    group: 'company',
    title: 'Profiles that never answer',
    severity: 'info',
    message: (e) => `${n(e.count)} of ${plural(n(e.measured), 'measured profile')} never reply to anyone`,
    recommendation: 'Give each profile an owner who answers, or close it.',
    action: null,
    mootWhenClosing: false,
  },
  'company-unmeasured': {
    group: 'company',
    title: 'Profiles not measured',
    severity: 'info',
    message: (e) => `${n(e.count)} of ${plural(n(e.profiles), 'profile')} could not be measured (blocked or failed)`,
    recommendation: 'Provide exports for walled platforms and re-run failed profiles.',
    action: null,
    mootWhenClosing: false,
  },
  'company-audience': {
    group: 'company',
    title: 'Who gets an answer',
    severity: 'info',
    message: (e) =>
      `the brand answered ${n(e.answered)} of ${plural(n(e.people), 'person', 'people')} who replied to it (${percent(n(e.rate))}), in the threads of ${plural(n(e.profiles), 'profile')}`,
    recommendation: 'Answer the people who reply to the brand, wherever they reply.',
    action: null,
    mootWhenClosing: false,
  },
});
