/**
 * PERSISTED VALUES: statuses and reject reasons are stored on case transfers and in the audit log.
 *
 * A transfer hands responsibility for a case to another organisation (Primero's transfer,
 * anchors.md 1.1: ownership moves on acceptance, unlike a referral's shared access):
 *
 *   requested ──accept (receiver)──▶ accepted     the receiver gets its own case; the sender's
 *       │                                          case is closed as `transferred`
 *       ├──reject (receiver, reason)──▶ rejected
 *       └──cancel (sender)────────────▶ cancelled
 *
 * The person consents to the hand-over like to any disclosure (a child through the guardian or a
 * best-interests decision). Nothing here depends on cooperation with the authorities.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { TCaseStatus } from '../nrm/case-status.ts';
import type { TUnmetRequirement } from '../nrm/requirements.ts';
import { consentBasisRequirements, type TConsentBasis, type TConsentSubject } from './consent.ts';

export const TRANSFER_STATUSES = ['requested', 'accepted', 'rejected', 'cancelled'] as const;
export type TTransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_ACTIONS = ['accept', 'reject', 'cancel'] as const;
export type TTransferAction = (typeof TRANSFER_ACTIONS)[number];

export const TRANSFER_ACTION_SIDE: Record<TTransferAction, 'sender' | 'receiver'> = { accept: 'receiver', reject: 'receiver', cancel: 'sender' };

/** Why a receiver turns a transfer down (required; the closed list feeds statistics on unmet need). */
export const TRANSFER_REJECT_REASONS = ['no_capacity', 'outside_mandate', 'not_eligible', 'person_declined', 'other'] as const;
export const ZTransferRejectReason = z.enum(TRANSFER_REJECT_REASONS);
export type TTransferRejectReason = z.infer<typeof ZTransferRejectReason>;

const TRANSITIONS: Record<TTransferStatus, Partial<Record<TTransferAction, TTransferStatus>>> = {
  requested: { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' },
  accepted: {},
  rejected: {},
  cancelled: {},
};

/** @throws AppError INVALID_TRANSITION (`TRANSFER_NOT_OPEN`) once the transfer was answered or cancelled */
export function assertTransferTransition(from: TTransferStatus, action: TTransferAction): TTransferStatus {
  const to = TRANSITIONS[from][action];
  if (!to) throw new AppError('INVALID_TRANSITION', `A ${from} transfer cannot be ${action}ed.`, { reason: 'TRANSFER_NOT_OPEN', from, action });
  return to;
}

/** A case in these statuses has nothing to hand over yet (draft) or any more (closed). */
const NOT_TRANSFERABLE: readonly TCaseStatus[] = ['draft', 'closed'];

export interface TTransferFacts extends TConsentSubject {
  caseStatus: TCaseStatus;
  sendingOrgId: string;
  receivingOrgId: string;
  consentBasis: TConsentBasis;
}

/** Everything that stops a transfer request, all at once. Never throws. */
export function transferRequirements(facts: TTransferFacts): TUnmetRequirement[] {
  const unmet: TUnmetRequirement[] = [];
  if (NOT_TRANSFERABLE.includes(facts.caseStatus)) unmet.push({ code: 'CASE_NOT_TRANSFERABLE', message: `a ${facts.caseStatus} case cannot be transferred` });
  if (facts.sendingOrgId === facts.receivingOrgId) unmet.push({ code: 'TRANSFER_TO_SELF', message: 'the case already belongs to this organisation' });
  unmet.push(...consentBasisRequirements(facts, facts.consentBasis));
  return unmet;
}
