/** The website cross-check's findings (scoring/website.ts finds them); a merge recomputes them. */
import { plural } from '../../model/index.js';
import { defineFindings, n, s } from './define.js';

export const WEBSITE_FINDINGS = defineFindings({
  'site-links-to-dead-profile': {
    group: 'website',
    title: 'Website links to a dead profile',
    severity: 'critical',
    message: (e) => `${s(e.page)} links to ${s(e.url)}, which is gone: ${s(e.reason)}`,
    recommendation: 'Remove the link from the website, or reclaim the name before someone else does.',
    action: 'fix-website-links',
    mootWhenClosing: false,
  },
  'site-links-to-abandoned-profile': {
    group: 'website',
    title: 'Website links to an abandoned profile',
    severity: 'warning',
    message: (e) =>
      `${s(e.page)} sends visitors to ${s(e.url)} (${s(e.status)}${e.daysSinceLastPost === null || e.daysSinceLastPost === undefined ? '' : `, last post ${plural(n(e.daysSinceLastPost), 'day')} ago`})`,
    recommendation:
      'Revive the profile or take the link off the website (and say on the profile where to find the company now).',
    action: 'fix-website-links',
    mootWhenClosing: false,
  },
  'profile-missing-from-site': {
    group: 'website',
    title: 'Not linked from the website',
    severity: 'info',
    message: (e) =>
      `the profile is ${s(e.status)} but ${s(e.website)} does not link to it (${plural(e.pagesRead as number, 'page')} read)`,
    recommendation:
      "Link it from the website (footer, contact page, or a rel=me verification link), so customers can tell it is the company's own.",
    action: 'fix-website-links',
    mootWhenClosing: false,
  },
  'site-links-to-undeclared-profile': {
    group: 'website',
    title: 'Website links to profiles not on your list',
    severity: 'info',
    message: (e) =>
      `${s(e.website)} links to ${plural(n(e.count), 'profile')} that are not on your list of profiles: ${s(e.urls)}`,
    recommendation: 'Add them to your list of profiles so they are audited too, or remove the links.',
    // company-level: the action counts its links beside the profiles' own website findings
    action: 'fix-website-links',
    mootWhenClosing: false,
  },
  'website-unreadable': {
    group: 'website',
    title: 'Website could not be read',
    severity: 'info',
    message: (e) => `${s(e.url)} could not be read (${s(e.reason)}): which profiles it links to is unknown`,
    recommendation: 'Check the website address given for the audit; audit again when the site answers.',
    action: null,
    mootWhenClosing: false,
  },
});
