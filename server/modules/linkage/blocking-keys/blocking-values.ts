/**
 * The values a person is blocked on, computed exactly as core/linkage's blocking rules compute
 * them (same normalisation, transliteration and phonetic keys, through `prepareRecords`), as
 * strings that can be HMACed and stored: two records share a block of a rule if and only if they
 * have the same value for that rule. Plus the exact normalised names, whose counts give the term
 * frequencies of the Fellegi–Sunter model without decrypting the register. Pure; never stored as is.
 */
import { DEFAULT_PREDICTION_RULES, DEFAULT_MAX_BLOCK_SIZE, prepareRecords, type TBlockingKey, type TBlockingRule, type TLinkageInput, type TPreparedRecords } from '../../../../core/linkage/index.ts';

/** Stored kind of each default prediction rule, in rule order (⚠ persisted in person_blocking_keys.kind). */
export const RULE_KINDS = ['names_year', 'dob_citizenship', 'document', 'phone', 'dob_sex', 'names'] as const;
export type TRuleKind = (typeof RULE_KINDS)[number];
export type TBlockingKind = TRuleKind | 'given' | 'surname';

export interface TBlockingValue {
  kind: TBlockingKind;
  value: string;
}

/** The rule behind each stored kind, with the block size over which the real-time check ignores a block (as the core's checker does). */
export const RULE_OF_KIND: ReadonlyMap<TRuleKind, { rule: TBlockingRule; maxCheckBlock: number }> = new Map(
  RULE_KINDS.map((kind, index) => {
    const rule = DEFAULT_PREDICTION_RULES[index]!;
    return [kind, { rule, maxCheckBlock: (rule.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE) * 10 }];
  }),
);

function component(r: TPreparedRecords, key: TBlockingKey): string | null {
  const givenKey = r.givenKeyId[0]! < 0 ? '' : r.interners.key.values[r.givenKeyId[0]!]!;
  const surnameKey = r.surnameKeyId[0]! < 0 ? '' : r.interners.key.values[r.surnameKeyId[0]!]!;
  const year = r.birthYear[0]!;
  switch (key) {
    case 'names':
      if (!givenKey || !surnameKey) return null;
      return givenKey < surnameKey ? `${givenKey}+${surnameKey}` : `${surnameKey}+${givenKey}`;
    case 'given_key': return givenKey || null;
    case 'surname_key': return surnameKey || null;
    case 'birth_year': return year === 0 || year < 1800 || year >= 2300 ? null : String(year);
    case 'dob': return r.dob[0] || null;
    case 'dob_unordered': {
      if (!r.dob[0] || year < 1800 || year >= 2300) return null;
      const m = r.birthMonth[0]!;
      const d = r.birthDay[0]!;
      return `${year}-${Math.min(m, d)}-${Math.max(m, d)}`;
    }
    case 'sex': return r.sex[0] === 0 ? null : String(r.sex[0]);
    case 'citizenship': return r.citizenshipId[0]! < 0 ? null : r.interners.citizenship.values[r.citizenshipId[0]!]!;
    case 'document': return r.document[0] || null;
    case 'phone': return r.phone[0] || null;
  }
}

/** One value per rule the record can be blocked on, and its exact normalised names. */
export function blockingValuesOf(record: TLinkageInput): TBlockingValue[] {
  const prepared = prepareRecords([record]);
  const out: TBlockingValue[] = [];
  RULE_KINDS.forEach((kind, index) => {
    const parts: string[] = [];
    for (const key of DEFAULT_PREDICTION_RULES[index]!.keys) {
      const part = component(prepared, key);
      if (part === null) return;
      parts.push(part);
    }
    out.push({ kind, value: parts.join('|') });
  });
  if (prepared.given[0]) out.push({ kind: 'given', value: prepared.given[0] });
  if (prepared.surname[0]) out.push({ kind: 'surname', value: prepared.surname[0] });
  return out;
}
