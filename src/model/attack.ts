// ATT&CK technique links: T1078.004 -> https://attack.mitre.org/techniques/T1078/004/
export function techniqueUrl(id: string): string | undefined {
  const m = /^T(\d{4})(?:\.(\d{3}))?$/.exec(id);
  if (!m) return undefined;
  return `https://attack.mitre.org/techniques/T${m[1]}/${m[2] ? `${m[2]}/` : ''}`;
}
