import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentValidatorSource, VALIDATOR_PATH } from './incident-validator';

describe('the generated incident validator', () => {
  it('is the code ajv makes from the current schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(incidentValidatorSource());
  });

  it('evaluates no strings at run time, so a header CSP without unsafe-eval allows it', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function|\bFunction\(|\brequire\(|^import /m);
  });
});
