/**
 * The tool's name and version, read once from package.json (one level above src/ and dist/), or
 * carried by the bundled binary (scripts/bundle-cli.ts defines CHANNEL_AUDIT_PACKAGE there).
 */
import { readFileSync } from 'node:fs';

declare const CHANNEL_AUDIT_PACKAGE: { name: string; version: string } | undefined;

const pkg: { name: string; version: string } =
  typeof CHANNEL_AUDIT_PACKAGE === 'object'
    ? CHANNEL_AUDIT_PACKAGE
    : JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export const TOOL = { name: pkg.name, version: pkg.version } as const;
export const USER_AGENT = `${TOOL.name}/${TOOL.version} (+https://github.com/channel-audit/channel-audit)`;
