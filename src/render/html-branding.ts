/**
 * The consultant's branding (the inventory's `report:` section) as the HTML report and the history
 * page both show it: logo, "prepared by", intro and accent colour. One copy, so the two pages cannot
 * drift apart; every value is checked again here, as a forged report may carry anything.
 */
import type { ReportBranding } from '../model/index.js';
import { escapeHtml as h } from './escape.js';

/** The branding block's rules; the pages' own stylesheets define `--accent`. */
export const BRANDING_STYLE = `.branding { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 16px; border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.branding .logo { max-height: 64px; max-width: min(240px, 100%); }
.branding .prepared { font-weight: 600; margin: 0; } .branding .intro { flex-basis: 100%; margin: 0; white-space: pre-wrap; }`;

/** The consultant's accent colour: validated as #rgb or #rrggbb when the inventory was read, checked again here. */
export function accentStyle(branding: ReportBranding | null): string {
  const colour = branding?.accentColor;
  return colour && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? `\n:root { --accent: ${colour}; }` : '';
}

/** The consultant's logo, name and intro, above the page's heading. */
export function brandingHeader(branding: ReportBranding | null, company: string): string {
  const b = branding;
  if (!b) return '';
  const logo =
    b.logo && /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(b.logo)
      ? `<img class="logo" src="${b.logo}" alt="${h(b.preparedBy ?? 'logo')}">`
      : '';
  const by = b.preparedBy ? `<p class="prepared">Prepared by ${h(b.preparedBy)} for ${h(company)}</p>` : '';
  const intro = b.intro ? `<p class="intro">${h(b.intro)}</p>` : '';
  return `<div class="branding">${logo}${by}${intro}</div>`;
}
