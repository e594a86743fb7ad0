import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentValidatorSource, VALIDATOR_PATH } from './incident-validator';

describe('the generated incident validator', () => {
  it('is the code ajv makes from the current schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(incidentValidatorSource());
  });

  it('is written as functions small enough for V8 to optimize (the check of an event is one of its own)', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8');
    const starts = [...code.matchAll(/function validate\d+\(/g)].map((m) => m.index);
    const lengths = starts.map((start, i) => (starts[i + 1] ?? code.length) - start);
    expect(lengths.length).toBeGreaterThanOrEqual(3);
    // V8 never optimizes a function of more than 60 KB of bytecode. With refs inlined, the validator was one
    // function of 150 KB of source, and checked 100,000 full-field events at half the speed in Node.
    expect(Math.max(...lengths)).toBeLessThan(60_000);
  });

  it('evaluates no strings at run time, so a header CSP without unsafe-eval allows it', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function|\bFunction\(|\brequire\(|^import /m);
  });
});
