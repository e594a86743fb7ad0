import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseIncident } from './incident';

it("the README's minimal incident is valid", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /A minimal incident:\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const result = parseIncident(JSON.parse(block!));
  expect(result.ok ? [] : result.problems).toEqual([]);
});
