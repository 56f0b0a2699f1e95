/**
 * Version numbers of jurisdiction profiles are `major.minor.patch`. A new version must sort
 * after the newest one, because the server applies the highest version of a profile to new cases.
 */

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** Whether a text is a `major.minor.patch` version. */
export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

/** Compares two versions numerically (2.10.0 after 2.9.0); negative when a comes first. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if ((left[i] ?? 0) !== (right[i] ?? 0)) return (left[i] ?? 0) - (right[i] ?? 0);
  return 0;
}

/** The suggested next version: the minor number goes up (a rule change), the patch resets. */
export function suggestNextVersion(current: string): string {
  const match = VERSION.exec(current);
  if (!match) return '1.0.0';
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}
