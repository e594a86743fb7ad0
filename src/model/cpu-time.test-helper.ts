// Test-only: CPU time of this process, so a size test's bound ignores the load of the shared machine.

/** Milliseconds of CPU this process has spent since `start` (a `process.cpuUsage()` reading). */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}
