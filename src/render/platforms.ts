/**
 * The platforms channel-audit reads, as text for the terminal, as the manual's Markdown table (docs/platforms.md), and as
 * JSON: one source of truth (the registry's definitions), three pure views of it.
 */
import { METRIC_GROUPS, type MetricGroup, type PlatformInfo } from '../model/index.js';
import { escapeMarkdown } from './escape.js';

const METRIC_NAME: Record<MetricGroup, string> = {
  staleness: 'staleness',
  conversation: 'conversation',
  promo: 'promo',
  canned: 'canned replies',
  responseTime: 'response time',
};

function endpointText(p: PlatformInfo): string {
  const e = p.endpoint;
  if (e.kind === 'setting') return `endpoints.${e.setting} (default ${e.default})`;
  return e.kind === 'profile-origin' ? "the profile URL's own server" : 'the profile URL';
}

/** The owner API a credential turns on, in words: what it reads, and how it is declared. */
const apiText = (p: PlatformInfo): string | null =>
  p.api
    ? `${p.api.service}, with \`auth: {env: ${p.api.exampleEnv}}\` (${p.api.credential}): ${p.api.what}; endpoints.${p.api.setting} (default ${p.api.default})`
    : null;

/** `channel-audit platforms`: every platform, what it recognises, how it is read, what it measures and what not. */
export function platformsText(platforms: readonly PlatformInfo[]): string {
  const blocks = platforms.map((p) => {
    const lines = [
      `${p.id} — ${p.name}`,
      `  recognises: ${p.urls.join('; ')}`,
      `  reads:      ${p.reads.map((r) => `${r.method}: ${r.what}`).join('\n              ')}`,
      `  endpoint:   ${endpointText(p)}`,
      ...(p.api ? [`  owner API:  ${apiText(p)}`, `              cost: ${p.api.cost}`] : []),
    ];
    for (const m of METRIC_GROUPS) {
      const c = p.capabilities[m];
      lines.push(`  ${c.measured ? '✓' : '✗'} ${METRIC_NAME[m].padEnd(14)} ${c.note}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** The same as data: every field of every definition but its code. */
export function platformsJson(platforms: readonly PlatformInfo[]): string {
  const data = platforms.map((p) => ({
    id: p.id,
    name: p.name,
    urls: p.urls,
    reads: p.reads,
    endpoint: p.endpoint,
    capabilities: p.capabilities,
    api: p.api
      ? {
          service: p.api.service,
          credential: p.api.credential,
          exampleEnv: p.api.exampleEnv,
          setting: p.api.setting,
          default: p.api.default,
          what: p.api.what,
          cost: p.api.cost,
        }
      : null,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The manual's platform table (docs/platforms.md) (between its `platforms` markers), generated from the definitions. */
export function platformsMarkdown(platforms: readonly PlatformInfo[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = platforms.map((p) => {
    const measured = METRIC_GROUPS.filter((m) => p.capabilities[m].measured).map((m) => METRIC_NAME[m]);
    const not = METRIC_GROUPS.filter((m) => !p.capabilities[m].measured).map(
      (m) => `${METRIC_NAME[m]} (${p.capabilities[m].note})`,
    );
    const reads = [...p.reads.map((r) => `${r.method}: ${r.what}`), ...(p.api ? [`api: ${apiText(p)}`] : [])];
    return `| \`${p.id}\` | ${cell(p.urls.join(', '))} | ${cell(reads.join('; '))} | ${cell(measured.join(', ') || '—')} | ${cell(not.join('; ') || '—')} | ${cell(escapeMarkdown(endpointText(p)))} |`;
  });
  return [
    '| platform | recognised by | read from | measures | cannot measure, and why | endpoint |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
