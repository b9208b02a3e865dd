/**
 * Every file `npm run generate` writes (scripts/generate.ts) is what the registry and the finding
 * definitions say now: a platform or finding added without regenerating fails here, naming the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, platformsModule, withSchemaEnums } from '../scripts/generate.js';
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../src/platforms/index.js';

const DEFINITIONS: readonly PlatformDefinition[] = PLATFORM_DEFINITIONS;

describe('generated files', () => {
  for (const { path, write } of GENERATED) {
    it(`${path} is up to date (run \`npm run generate\`)`, () => {
      const current = readFileSync(path, 'utf8');
      expect(write(current) === current, `${path} is stale: run npm run generate`).toBe(true);
    });
  }

  it('the model lists every platform, its prose name and its API from the definitions', () => {
    const module = platformsModule();
    for (const d of DEFINITIONS) {
      expect(module).toContain(`  '${d.id}',`);
      expect(module).toContain(`  ${d.id}: '${d.shortName ?? d.name}',`);
      if (d.api) expect(module).toContain(`  ${d.api.setting}: string;`);
    }
  });

  it("the report schema's platform enums follow the registry, and a stale one is rewritten", () => {
    const stale = JSON.stringify({ a: { platform: { enum: ['mastodon', null] } }, b: { platform: { enum: ['x'] } } });
    const fixed = JSON.parse(withSchemaEnums(stale)) as {
      a: { platform: { enum: unknown[] } };
      b: { platform: { enum: unknown[] } };
    };
    const ids = PLATFORM_DEFINITIONS.map((d) => d.id);
    expect(fixed.a.platform.enum).toEqual([...ids, null]);
    expect(fixed.b.platform.enum).toEqual(ids);
  });
});
