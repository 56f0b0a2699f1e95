import { useProtectionTranslation } from './i18n.ts';

/** Translated labels for the API's enumerations; an unknown value shows as it is. */
export function useLabels() {
  const { t } = useProtectionTranslation();
  const pick = (group: string, value: string) => t(`${group}.${value}` as never, { defaultValue: value } as never) as unknown as string;
  return {
    kind: (value: string) => pick('kinds', value),
    group: (value: string) => pick('fieldGroups', value),
    status: (value: string) => pick('referralStatus', value),
    unit: (value: string) => pick('units', value),
    decline: (value: string) => pick('declineReasons', value),
    basis: (value: string) => pick('bases', value),
    serviceStatus: (value: string) => pick('serviceStatus', value),
    locationType: (value: string) => pick('locationTypes', value),
    sex: (value: string) => pick('sexes', value),
    domain: (value: string) => pick('domains', value),
    goalStatus: (value: string) => pick('goalStatus', value),
    owner: (value: string) => pick('owners', value),
    approval: (value: string) => pick('approval', value),
    needLevel: (value: string) => pick('needLevels', value),
  };
}

export function splitCodes(value: string, upper = false): string[] {
  const codes = value.split(/[\s,]+/).map((v) => v.trim()).filter(Boolean).map((v) => (upper ? v.toUpperCase() : v.toLowerCase()));
  return [...new Set(codes)];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
