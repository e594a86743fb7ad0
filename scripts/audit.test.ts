import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit.mjs';

const report = (counts: Record<string, number>, vulnerabilities = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
    },
  });

describe('auditVerdict', () => {
  it('passes a clean report, and one with only moderate findings', () => {
    expect(auditVerdict(report({})).status).toBe('pass');
    expect(auditVerdict(report({ moderate: 2, low: 1 }))).toEqual({
      status: 'pass',
      message: 'npm audit --omit=dev: 0 critical, 0 high, 2 moderate, 1 low, 0 info',
    });
  });

  it('fails on high or critical findings and names the packages', () => {
    const v = auditVerdict(
      report(
        { high: 1, critical: 1 },
        {
          a: { name: 'a', severity: 'high' },
          b: { name: 'b', severity: 'critical' },
          c: { name: 'c', severity: 'low' },
        },
      ),
    );
    expect(v.status).toBe('fail');
    expect(v.message).toMatch(/a \(high\), b \(critical\)$/);
  });

  it('only warns when the registry has no audit endpoint (a 405 answer)', () => {
    const answer = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(auditVerdict(answer)).toEqual({
      status: 'unavailable',
      message: expect.stringMatching(/unavailable: 405 Method Not Allowed/),
    });
  });

  it('only warns on output that is not JSON', () => {
    expect(auditVerdict('').status).toBe('unavailable');
    expect(auditVerdict('npm error network ETIMEDOUT').status).toBe('unavailable');
  });
});
