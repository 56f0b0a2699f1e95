import { randomUUID } from 'node:crypto';
import type { TTestApp } from './test-app.ts';
import { sealIdentity } from '../../server/modules/cases/person-identity.ts';

/**
 * A seeded criminal-justice history with realistic attrition: investigations over five years,
 * one to three suspects each, and a drop-off at every stage (charged 60 %, prosecuted 80 % of
 * those, decided 75 %, convicted 60 % of decisions, of which a third on a lesser offence, some
 * acquittals overturned on appeal, custody for 70 % of the convicted). Deterministic by seed.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMS = ['labour', 'sexual', 'criminal', 'domestic_servitude'];
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function generateJusticeHistory(t: TTestApp, orgId: string, options: { investigations: number; seed: number; firstYear: number; years: number }): Promise<void> {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rows = { investigations: [] as object[], suspects: [] as object[], charges: [] as object[], prosecutions: [] as object[], decisions: [] as object[], sentences: [] as object[] };
  await t.asSystem(async (ctx) => {
    const now = ctx.now();
    for (let i = 0; i < options.investigations; i += 1) {
      const investigationId = randomUUID();
      const openedOn = addDays(`${options.firstYear + Math.floor(random() * options.years)}-01-01`, Math.floor(random() * 365));
      const forms = random() < 0.2 ? [pick(FORMS), pick(FORMS)].filter((f, k, all) => all.indexOf(f) === k) : [pick(FORMS)];
      rows.investigations.push({ orgId, id: investigationId, operationId: null, reference: `INV-GEN-${i}`, agency: 'Generated unit', openedOn, closedOn: null, status: 'open', exploitationForms: forms, techniques: [], countriesInvolved: [], jointInvestigationTeam: false, version: 1, createdAt: now });
      const suspectCount = 1 + Math.floor(random() * 3);
      for (let s = 0; s < suspectCount; s += 1) {
        const suspectId = randomUUID();
        const identifiedOn = addDays(openedOn, Math.floor(random() * 60));
        const sealed = await sealIdentity(ctx.keyring, ctx.db, orgId, suspectId, { givenName: `Suspect${i}x${s}` }, now);
        rows.suspects.push({ orgId, id: suspectId, investigationId, ...sealed, role: pick(['recruiter', 'transporter', 'exploiter', 'financier', 'other']), sex: random() < 0.7 ? 'male' : 'female', ageBand: null, citizenship: null, identifiedOn, createdAt: now });
        if (random() >= 0.6) continue;
        const chargedOn = addDays(identifiedOn, 30 + Math.floor(random() * 300));
        const chargeIds = [randomUUID()];
        rows.charges.push({ orgId, id: chargeIds[0], suspectId, offenceCategory: 'trafficking', offenceCode: 'TIP-1', chargedOn });
        if (random() < 0.4) {
          chargeIds.push(randomUUID());
          rows.charges.push({ orgId, id: chargeIds[1], suspectId, offenceCategory: random() < 0.7 ? 'lesser_related' : 'other', offenceCode: 'LESSER-2', chargedOn });
        }
        if (random() >= 0.8) continue;
        const startedOn = addDays(chargedOn, 20 + Math.floor(random() * 200));
        rows.prosecutions.push({ orgId, id: randomUUID(), suspectId, court: 'Crown Court', startedOn });
        if (random() >= 0.75) continue;
        const decidedOn = addDays(startedOn, 60 + Math.floor(random() * 400));
        let convicted = false;
        for (const [index, chargeId] of chargeIds.entries()) {
          const onTrafficking = index === 0;
          const outcome = random() < (onTrafficking ? 0.4 : 0.7) ? 'convicted' : pick(['acquitted', 'dismissed', 'withdrawn']);
          rows.decisions.push({ orgId, id: randomUUID(), chargeId, outcome, isAppeal: false, decidedOn });
          if (outcome === 'acquitted' && random() < 0.15) {
            rows.decisions.push({ orgId, id: randomUUID(), chargeId, outcome: 'convicted', isAppeal: true, decidedOn: addDays(decidedOn, 200) });
            convicted = true;
          }
          convicted ||= outcome === 'convicted';
        }
        if (convicted && random() < 0.85) {
          const custodial = random() < 0.8;
          rows.sentences.push({ orgId, id: randomUUID(), suspectId, custodialMonths: custodial ? 12 + Math.floor(random() * 120) : null, isSuspended: !custodial && random() < 0.5, fineAmount: null, fineCurrency: null, otherMeasure: null, sentencedOn: addDays(decidedOn, 30) });
        }
      }
    }
    const insert = async (table: 'investigations' | 'suspects' | 'charges' | 'prosecutions' | 'courtDecisions' | 'sentences', values: object[]) => {
      for (let start = 0; start < values.length; start += 500) await ctx.db.insertInto(table).values(values.slice(start, start + 500) as never).execute();
    };
    await insert('investigations', rows.investigations);
    await insert('suspects', rows.suspects);
    await insert('charges', rows.charges);
    await insert('prosecutions', rows.prosecutions);
    await insert('courtDecisions', rows.decisions);
    await insert('sentences', rows.sentences);
  });
}
