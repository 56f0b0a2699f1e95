import { z } from 'zod';
import { ZPlainDate } from '../../../core/nrm/calendar.ts';
import { ZAmount, ZCurrency, fitsCurrency, isIsoCurrency } from '../../../core/protection/money.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, PAYERS, ZClaimStatus } from '../../../core/protection/remedies.ts';
import { ZUuid } from '../../http/common-schemas.ts';

export const ZCaseParams = z.object({ orgId: ZUuid, caseId: ZUuid }).strict();
export const ZClaimParams = z.object({ orgId: ZUuid, claimId: ZUuid }).strict();

const amountFits = (field: string) => (value: Record<string, unknown>, context: z.RefinementCtx) => {
  const amount = value[field];
  // An unknown currency is reported by its own field; only a known one has minor units to check against.
  if (typeof amount === 'string' && typeof value.currency === 'string' && isIsoCurrency(value.currency) && !fitsCurrency(amount, value.currency)) {
    context.addIssue({ code: 'custom', path: [field], message: `Too many decimals for ${value.currency}` });
  }
};

export const ZOpenClaim = z.strictObject({
  kind: z.enum(CLAIM_KINDS),
  /** Court, tribunal or fund, by name (never the person's). */
  forum: z.string().trim().min(1).max(200).nullable().default(null),
  currency: ZCurrency,
  amountClaimed: ZAmount.nullable().default(null),
  /** The part of the claim that is unpaid wages, if any. */
  unpaidWagesClaimed: ZAmount.nullable().default(null),
  status: z.enum(['preparing', 'filed']).default('preparing'),
  filedOn: ZPlainDate.nullable().default(null),
}).superRefine(amountFits('amountClaimed')).superRefine(amountFits('unpaidWagesClaimed'))
  .refine((c) => c.status !== 'filed' || c.filedOn !== null, { message: 'A filed claim has a filing date', path: ['filedOn'] });
export type TOpenClaim = z.infer<typeof ZOpenClaim>;

export const ZClaimStatusChange = z.strictObject({
  status: ZClaimStatus.exclude(['awarded', 'preparing']),
  filedOn: ZPlainDate.nullable().default(null),
  expectedVersion: z.int().min(1),
});

export const ZMoneyEntry = z.strictObject({
  amount: ZAmount,
  currency: ZCurrency,
  payer: z.enum(PAYERS),
  occurredOn: ZPlainDate,
}).superRefine(amountFits('amount'));
export type TMoneyEntry = z.infer<typeof ZMoneyEntry>;

const ZEntryView = z.object({ id: z.string(), kind: z.enum(['award', 'payment']), amount: z.string(), currency: z.string(), payer: z.string(), occurredOn: z.string(), recordedAt: z.string() });
export const ZClaimView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(CLAIM_KINDS),
  status: z.enum(CLAIM_STATUSES),
  forum: z.string().nullable(),
  currency: z.string(),
  amountClaimed: z.string().nullable(),
  unpaidWagesClaimed: z.string().nullable(),
  filedOn: z.string().nullable(),
  entries: z.array(ZEntryView),
  /** Exact decimal strings in the claim's currency; outstanding = awarded − received. */
  totals: z.object({ awarded: z.string(), received: z.string(), outstanding: z.string() }),
  allowedStatuses: z.array(z.enum(CLAIM_STATUSES)),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TClaimView = z.infer<typeof ZClaimView>;
