// Writes the published JSON Schema from the zod model, and the fast validator from that schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { incidentJsonSchemaText } from '../src/model/json-schema';
import { incidentValidatorSource, VALIDATOR_PATH } from './incident-validator';

const out = new URL('../public/schema/incident.schema.json', import.meta.url);
writeFileSync(out, incidentJsonSchemaText());
console.log(`wrote ${out.pathname}`);
writeFileSync(VALIDATOR_PATH, incidentValidatorSource());
console.log(`wrote ${VALIDATOR_PATH.pathname}`);
