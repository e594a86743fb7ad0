// Writes the published JSON Schema from the zod model: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { incidentJsonSchemaText } from '../src/model/json-schema';

const out = new URL('../public/schema/incident.schema.json', import.meta.url);
writeFileSync(out, incidentJsonSchemaText());
console.log(`wrote ${out.pathname}`);
