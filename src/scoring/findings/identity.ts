/**
 * Whether a profile looks like the company's own (docs/measuring.md "Identity"): its display name and
 * its bio's link, as the platform shows them, against the inventory's `company` and `website`. Only what
 * the platform shows is judged: a platform that shows no name or bio gives no finding.
 */
import { LINK_FIELD_UNSHOWN, type Status } from '../../model/index.js';
import { isHandleOnly, nameDrift } from '../identity-name.js';
import { sameSite, siteName } from '../identity-link.js';
import { defineFindings, type IdentityFacts, s } from './define.js';

/** Feeds and web pages have titles, not a profile's name and bio. */
const NOT_PROFILES = new Set(['web', 'feed']);
/** A profile that could not be read shows nothing to judge. */
const UNREAD: ReadonlySet<Status> = new Set(['unreachable', 'blocked', 'error']);

const judged = (status: Status, identity: IdentityFacts | null | undefined): identity is IdentityFacts =>
  !!identity && !UNREAD.has(status) && !NOT_PROFILES.has(identity.platform ?? 'web');

export const IDENTITY_FINDINGS = defineFindings({
  'inconsistent-name': {
    group: 'profile',
    title: "Name differs from the company's",
    severity: 'info',
    evaluate: ({ status, identity }) => {
      if (!judged(status, identity)) return null;
      const name = identity.account.displayName;
      if (name === null || name.trim() === '' || isHandleOnly(name, identity.account.handle)) return null;
      const drift = nameDrift(name, identity.company);
      if (!drift) return null;
      return {
        evidence: {
          displayName: name,
          company: identity.company,
          added: drift.kind === 'adds' ? drift.words : null,
        },
      };
    },
    message: (e) =>
      e.added === null || e.added === undefined
        ? `the profile is called "${s(e.displayName)}", which does not name ${s(e.company)}`
        : `the profile is called "${s(e.displayName)}": ${s(e.company)} with "${s(e.added)}" added`,
    recommendation: (e) =>
      e.added === null || e.added === undefined
        ? 'Rename it to the company\'s name (with "Support", "Help" or a country where it serves one), or, if it is another brand\'s or an old page, hand it over or close it.'
        : "Check the added words are meant (a team or product the brand stands behind); a former name or an agency's page is better renamed to the company's name.",
    action: 'fix-identity',
    mootWhenClosing: true,
  },
  'bio-link': {
    group: 'profile',
    title: "Bio doesn't link to the website",
    severity: 'info',
    evaluate: ({ status, identity }) => {
      if (!judged(status, identity) || identity.website === null) return null;
      const { bioLink, bio } = identity.account;
      // a link to a page that is gone is said once, by dead-bio-link
      if (identity.account.bioLinkStatus?.result === 'dead') return null;
      if (bioLink !== null)
        return sameSite(bioLink, identity.website)
          ? null
          : {
              evidence: { problem: 'other-domain', bioLink, website: identity.website, domain: siteName(bioLink) },
              severity: 'warning',
            };
      // no link: a finding only where the platform showed the bio (or its fields) and so would show one
      if (bio === null || LINK_FIELD_UNSHOWN.has(identity.platform ?? '')) return null;
      return { evidence: { problem: 'missing', bioLink: null, website: identity.website, domain: null } };
    },
    message: (e) =>
      e.problem === 'missing'
        ? `the bio has no link; the company's website is ${s(e.website)}`
        : `the bio links to ${s(e.bioLink)}, on ${s(e.domain)}, not to the company's website ${s(e.website)}`,
    recommendation: (e) =>
      e.problem === 'missing'
        ? "Add the website's address to the bio (or the profile's link field), so people can tell the profile is the company's."
        : "Point the bio's link at the company's website; a link to another domain (an old agency, a former name, a link page) sends people elsewhere.",
    action: 'fix-identity',
    mootWhenClosing: true,
  },
  'dead-bio-link': {
    group: 'profile',
    title: 'Bio links to a page that is gone',
    severity: 'warning',
    evaluate: ({ status, identity }) => {
      if (!judged(status, identity)) return null;
      const { bioLink, bioLinkStatus } = identity.account;
      // only what the link answered: a page that could not be told (a wall, a timeout, a replay) is not gone
      if (bioLink === null || bioLinkStatus?.result !== 'dead') return null;
      return {
        evidence: {
          bioLink,
          httpStatus: bioLinkStatus.httpStatus,
          reason: bioLinkStatus.reason,
          website: identity.website,
        },
      };
    },
    message: (e) =>
      e.httpStatus === null || e.httpStatus === undefined
        ? `the bio links to ${s(e.bioLink)}, which is gone: ${s(e.reason)}`
        : `the bio links to ${s(e.bioLink)}, a page that is gone (HTTP ${s(e.httpStatus)})`,
    recommendation: (e) =>
      e.website === null || e.website === undefined
        ? "Replace the bio's link with a page that exists: people who follow it from the profile find nothing."
        : `Point the bio's link at the company's website (${s(e.website)}): people who follow it from the profile find nothing.`,
    action: 'fix-identity',
    mootWhenClosing: true,
  },
});
