import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentValidatorSource, VALIDATOR_PATH } from './incident-validator';

describe('the generated incident validator', () => {
  it('is the code ajv makes from the current schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(incidentValidatorSource());
  });

  it('is written as functions small enough for V8 to optimize, one of them the check of an event', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8');
    const starts = [...code.matchAll(/function validate\d+\(/g)].map((m) => m.index);
    const bodies = starts.map((start, i) => code.slice(start, starts[i + 1] ?? code.length));
    // The event's function checks its fields; the root's only calls it, so never names one of them.
    const eventChecks = bodies.filter((body) => body.includes('"#/properties/citations/minItems"'));
    expect(eventChecks).toHaveLength(1);
    // V8 never optimizes a function of more than 60 KB of bytecode; its source's length stands in for that here.
    // With refs inlined, the validator was one function of 150 KB of source, and checked 100,000 full-field events
    // at half the speed in Node.
    expect(Math.max(...bodies.map((body) => body.length))).toBeLessThan(60_000);
  });

  it('evaluates no strings at run time, so a header CSP without unsafe-eval allows it', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function|\bFunction\(|\brequire\(|^import /m);
  });
});
