export function auditVerdict(stdout: string): {
  status: 'pass' | 'fail' | 'unavailable';
  message: string;
};
