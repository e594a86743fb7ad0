#!/usr/bin/env node
// CI gate: fails on high or critical advisories in runtime dependencies; only warns when the audit service is unreachable.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Reads `npm audit --json` output. A report (it has metadata.vulnerabilities) fails on any high or critical
 * finding; anything else (a 405 from a registry without the audit endpoint, a network error, non-JSON) is a warning.
 * @param {string} stdout
 * @returns {{ status: 'pass' | 'fail' | 'unavailable', message: string }}
 */
export function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return {
      status: 'unavailable',
      message: `npm audit gave no JSON report: ${stdout.trim().slice(0, 200) || '(no output)'}`,
    };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const why =
      report?.message ?? report?.error?.summary ?? 'no metadata.vulnerabilities in the answer';
    return { status: 'unavailable', message: `the audit endpoint is unavailable: ${why}` };
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = ['critical', 'high', 'moderate', 'low', 'info']
    .map((s) => `${counts[s] ?? 0} ${s}`)
    .join(', ');
  if (serious === 0) return { status: 'pass', message: `npm audit --omit=dev: ${summary}` };
  const names = Object.values(report.vulnerabilities ?? {})
    .filter((v) => v.severity === 'high' || v.severity === 'critical')
    .map((v) => `${v.name} (${v.severity})`);
  return { status: 'fail', message: `npm audit --omit=dev: ${summary}: ${names.join(', ')}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
  });
  const verdict = auditVerdict(run.stdout ?? '');
  if (verdict.status === 'fail') {
    console.error(`✗ ${verdict.message}`);
    process.exit(1);
  }
  console.log(
    verdict.status === 'pass'
      ? `✓ ${verdict.message}`
      : `⚠ warning: ${verdict.message}; dependencies were NOT audited`,
  );
}
