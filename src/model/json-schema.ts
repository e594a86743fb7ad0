// The published JSON Schema (2020-12) of the incident file, generated from the zod model.
import { z } from 'zod';
import { IncidentSchema, SCHEMA_ID } from './incident';

export function incidentJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(IncidentSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, ...rest };
}

export function incidentJsonSchemaText(): string {
  return `${JSON.stringify(incidentJsonSchema(), null, 2)}\n`;
}
