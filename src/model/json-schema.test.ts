import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { incidentJsonSchema, incidentJsonSchemaText } from './json-schema';
import { minimalIncident } from './test-incident';

const published = new URL('../../public/schema/incident.schema.json', import.meta.url);

describe('published JSON Schema', () => {
  it('matches what the zod model produces (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(published, 'utf8')).toBe(incidentJsonSchemaText());
  });

  it('is JSON Schema 2020-12 with an $id, a title and field descriptions', () => {
    const schema = incidentJsonSchema() as {
      $schema: string;
      $id: string;
      title: string;
      properties: Record<string, { description?: string }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^urn:incident-timeline:/);
    expect(schema.title).toBeTruthy();
    expect(schema.properties.timeZone?.description).toMatch(/UTC/);
  });

  it('accepts a valid incident and rejects a broken one when used by a generic validator', () => {
    const validate = new Ajv2020({ strict: false }).compile(incidentJsonSchema());
    expect(validate(minimalIncident())).toBe(true);
    expect(validate({ ...minimalIncident(), events: [{ id: 'x' }] })).toBe(false);
  });
});
