/**
 * A saved report is untrusted input (a shard from another runner, a baseline from an artifact store):
 * before `merge`, `diff` or `--baseline` use it, it is checked against the whole published JSON Schema
 * (schema/report.schema.json, the one the tests hold every report to), so an enum is an enum and a
 * number a number before any renderer sees it.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

let validator: ValidateFunction | null = null;

function compiled(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
    ) as object;
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(schema);
  }
  return validator;
}

/** The first way the value breaks the schema ("profiles/0/status: must be equal to one of the allowed values"), or null. */
export function reportSchemaProblem(value: unknown): string | null {
  const validate = compiled();
  if (validate(value)) return null;
  const error = validate.errors?.[0];
  if (!error) return 'does not match the report schema';
  // the path is made of the report's own keys: printable characters only, and short
  // eslint-disable-next-line no-control-regex
  const where = (error.instancePath.replace(/^\//, '') || '(top level)').replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
  return `${where}: ${error.message ?? 'does not match the report schema'}`;
}
