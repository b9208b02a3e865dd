/** The tool's name and version, read once from package.json (one level above src/ and dist/). */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const TOOL = { name: pkg.name, version: pkg.version } as const;
export const USER_AGENT = `${TOOL.name}/${TOOL.version} (+https://github.com/channel-audit/channel-audit)`;
