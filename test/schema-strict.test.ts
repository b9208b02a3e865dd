/**
 * The published report schema compiles under Ajv's strict mode, as a consumer's own Ajv compiles it by
 * default: no union `type` arrays beyond nullable ones (allowUnionTypes is not needed), no unknown keywords.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

describe('schema/report.schema.json', () => {
  it('compiles under Ajv strict mode, without allowUnionTypes', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object;
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});
