/**
 * The one place where a statistics query becomes SQL: (metric, ≤ 2 dimensions, filters) →
 * `select d0, d1, count(*) … where org_id = $1 … group by …`. Every query is scoped to one
 * organisation's rows; every value from the request travels as a parameter; identifiers come
 * only from the tables below. The compiled text is what the API returns as `sql` and what the
 * snapshot test reviews.
 *
 * A source is a table plus, per dimension, the expression that yields the dimension's category
 * key (and the joins it needs): CTDC records, and the NRM's cases, decisions and recovery plans.
 * A reporting period restricts rows by the source's date (CTDC records: by whole year only).
 */
import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import { AppError } from '../../../core/errors/app-error.ts';
import type { TDimensionId, TMetricSource, TStatsQuery } from '../../../core/metrics/index.ts';
import type { TDb, TTx } from '../../db/database.ts';

type TJoin = 'citizenshipCountry' | 'exploitationCountry';

interface TDimensionSql {
  /** The category key (or NULL for "not recorded"). */
  expression: RawBuilder<unknown>;
  /** How a key from the request becomes a parameter compared with the expression. */
  parameter?: (key: string) => unknown;
  join?: TJoin;
}

/** A query over a source's rows, aliased `r`, before any condition (Kysely's types are erased here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TFrom = any;

interface TSourceSql {
  /** The source's rows as `r` (plus the tables its dimensions read). */
  from(db: TDb | TTx): TFrom;
  dimensions: Partial<Record<TDimensionId, TDimensionSql>>;
  /** The columns the two country joins compare with `ctdc_countries.iso2`. */
  countryColumns: Record<TJoin, string>;
  /** CTDC 0/1 variable (CTDC's name) → column, for metric conditions. */
  flagColumn?(field: string): RawBuilder<unknown>;
  /** When a row happened (for reporting periods); CTDC records only know their year. */
  dateExpression: RawBuilder<unknown> | null;
  /** Rows every metric of the source counts (e.g. only referred cases). */
  baseCondition?: RawBuilder<boolean>;
  /** Per-row days value for the median, p90 and share measures; NULL when it has none yet. */
  days?: RawBuilder<unknown>;
  /** The column that scopes rows to the organisation (default `r.orgId`). */
  orgColumn?: string;
  /** Rows the timing measures (median, p90, share) consider, beyond the base condition. */
  measureCondition?: RawBuilder<boolean>;
  /** For shares: rows that have a target at all (all rows when absent). */
  hasTarget?: RawBuilder<boolean>;
  /** For shares: whether a row met its target; the metric's `targetDays` when the source has none of its own. */
  withinTarget?(metric: TStatsQuery['metric']): RawBuilder<boolean>;
}

const column = (name: string): RawBuilder<unknown> => sql.ref(`r.${name}`);

const CTDC: TSourceSql = {
  from: (db) => db.selectFrom('externalCtdcRecords as r'),
  dimensions: {
    year: { expression: column('yearOfRegistration'), parameter: (key) => Number(key) },
    sex: { expression: column('gender') },
    ageBand: { expression: column('ageBand') },
    majority: { expression: column('majorityStatus') },
    exploitationForm: { expression: column('exploitationForm') },
    labourType: { expression: column('labourType') },
    citizenship: { expression: column('citizenship') },
    countryOfExploitation: { expression: column('countryOfExploitation') },
    // CTDC's region table (ctdc_countries); region keys are its UN region names in lower case.
    citizenshipRegion: { expression: sql`lower(${sql.ref('cc.unRegion')})`, join: 'citizenshipCountry' },
    exploitationRegion: { expression: sql`lower(${sql.ref('ce.unRegion')})`, join: 'exploitationCountry' },
    dataSource: { expression: column('dataSource') },
  },
  countryColumns: { citizenshipCountry: 'r.citizenship', exploitationCountry: 'r.countryOfExploitation' },
  // The column is named after the CTDC variable (isSexualExploit → is_sexual_exploit); the
  // catalog only holds names from CTDC_FLAG_FIELDS, checked by a test.
  flagColumn: (field) => column(field),
  dateExpression: null,
};

/** Organisation ids are uuids; a key from the request is compared as text. */
const organisation = (orgColumn: string): TDimensionSql => ({ expression: sql`${sql.ref(orgColumn)}::text` });

/** Dimensions of the NRM sources, read from the case `c` and the person `p`. */
const nrmDimensions = (yearExpression: RawBuilder<unknown>, orgColumn = 'r.orgId'): Partial<Record<TDimensionId, TDimensionSql>> => ({
  organisation: organisation(orgColumn),
  year: { expression: yearExpression, parameter: (key) => Number(key) },
  // The case file's sex has `other` and `not_known`: neither is a statistical category here.
  sex: { expression: sql`case when ${sql.ref('p.sex')} in ('female', 'male') then ${sql.ref('p.sex')} end` },
  majority: { expression: sql`case when ${sql.ref('c.isChild')} then 'minor' else 'adult' end` },
  citizenship: { expression: sql.ref('p.citizenship') },
  countryOfExploitation: { expression: sql.ref('c.countryOfExploitation') },
  citizenshipRegion: { expression: sql`lower(${sql.ref('cc.unRegion')})`, join: 'citizenshipCountry' },
  exploitationRegion: { expression: sql`lower(${sql.ref('ce.unRegion')})`, join: 'exploitationCountry' },
});
const NRM_COUNTRY_COLUMNS: Record<TJoin, string> = { citizenshipCountry: 'p.citizenship', exploitationCountry: 'c.countryOfExploitation' };

/**
 * Days from referral (identification) to the first support: the earliest service referral sent
 * or service delivered for the case, whichever came first (least() skips the missing one).
 */
const DAYS_TO_FIRST_SUPPORT = sql`(extract(epoch from least(
  (select min(sr.sent_at) from service_referrals sr where sr.case_id = ${sql.ref('c.id')}),
  (select min(sd.delivered_on)::timestamp at time zone 'UTC' from service_deliveries sd where sd.case_id = ${sql.ref('c.id')})
) - ${sql.ref('c.referredAt')}) / 86400.0)`;

const CASES: TSourceSql = {
  // r and c are the same case row: the NRM dimensions read `c` in every NRM source.
  from: (db) => db.selectFrom('cases as r').innerJoin('cases as c', 'c.id', 'r.id').innerJoin('persons as p', 'p.id', 'c.personId'),
  dimensions: nrmDimensions(column('yearOfRegistration')),
  countryColumns: NRM_COUNTRY_COLUMNS,
  dateExpression: column('referredAt'),
  // A case received by transfer is the same person, already counted where they were identified.
  baseCondition: sql<boolean>`${column('referredAt')} is not null and ${column('transferredFromCaseId')} is null`,
  days: DAYS_TO_FIRST_SUPPORT,
  withinTarget: (metric) => sql<boolean>`${DAYS_TO_FIRST_SUPPORT} <= ${sql.lit(metric.targetDays ?? 0)}`,
};

/** The first shelter delivered for the case (the delivery log), whoever delivered it. */
const FIRST_SHELTER = sql`(select min(sd.delivered_on) from service_deliveries sd where sd.case_id = ${sql.ref('c.id')} and sd.service_kind = 'shelter')`;
/** Days from referral (identification) to the first shelter delivered; NULL while none was. */
const DAYS_TO_FIRST_SHELTER = sql`(extract(epoch from ${FIRST_SHELTER}::timestamp at time zone 'UTC' - ${sql.ref('c.referredAt')}) / 86400.0)`;
/**
 * A shelter need on record: the person was sheltered, or referred to a service of the shelter
 * kind (whatever became of the referral). Persons with neither are outside the share.
 */
const SHELTER_NEEDED = sql<boolean>`(exists (select 1 from service_deliveries sd where sd.case_id = ${sql.ref('c.id')} and sd.service_kind = 'shelter')
  or exists (select 1 from service_referrals sr join directory_services ds on ds.id = sr.service_id where sr.case_id = ${sql.ref('c.id')} and 'shelter' = any(ds.kinds)))`;

/** A metric's own timing (catalog `timing`), replacing its source's days, target rows and on-time rule. */
const TIMINGS: Record<NonNullable<TStatsQuery['metric']['timing']>, Pick<TSourceSql, 'days' | 'hasTarget' | 'withinTarget'>> = {
  firstShelter: {
    days: DAYS_TO_FIRST_SHELTER,
    hasTarget: SHELTER_NEEDED,
    withinTarget: (metric) => sql<boolean>`${DAYS_TO_FIRST_SHELTER} <= ${sql.lit(metric.targetDays ?? 0)}`,
  },
};

/**
 * The target of a decision: the due time of the decision deadline stored when the case was
 * referred (its jurisdiction profile's target, e.g. RG within 5 working days). Only RG decisions
 * have one today; a case received by transfer keeps the deadline of the case it came from (the
 * sender's deadline is cancelled at hand-over, but it was the target). NULL = no target.
 */
const DECISION_DUE_AT = sql`case when ${column('kind')} = 'RG' then (select min(dl.due_at) from deadlines dl
  where dl.kind = 'rg_decision' and dl.case_id in (${sql.ref('c.id')}, ${sql.ref('c.transferredFromCaseId')})) end`;

const DECISIONS: TSourceSql = {
  from: (db) => db.selectFrom('decisions as r').innerJoin('cases as c', 'c.id', 'r.caseId').innerJoin('persons as p', 'p.id', 'c.personId'),
  dimensions: {
    ...nrmDimensions(sql`extract(year from ${column('decidedAt')})::int`),
    decisionKind: { expression: column('kind') },
    decisionOutcome: { expression: column('outcome') },
  },
  countryColumns: NRM_COUNTRY_COLUMNS,
  dateExpression: column('decidedAt'),
  // Days to decision: from referral to the decision, for first decisions (reconsiderations answer another question).
  days: sql`(extract(epoch from ${column('decidedAt')} - ${sql.ref('c.referredAt')}) / 86400.0)`,
  measureCondition: sql<boolean>`not ${column('isReconsideration')} and ${sql.ref('c.referredAt')} is not null`,
  hasTarget: sql<boolean>`${DECISION_DUE_AT} is not null`,
  // On time = recorded no later than the deadline's due time.
  withinTarget: () => sql<boolean>`${column('decidedAt')} <= ${DECISION_DUE_AT}`,
};

const goalWith = (status: string) => sql`exists (select 1 from jsonb_array_elements(${sql.ref('pv.goalSummary')}) g where g->>'status' = ${sql.lit(status)})`;

const PLANS: TSourceSql = {
  from: (db) => db.selectFrom('plans as r').innerJoin('planVersions as pv', (join: TFrom) => join.onRef('pv.planId', '=', 'r.id').onRef('pv.version', '=', 'r.latestVersion'))
    .innerJoin('cases as c', 'c.id', 'r.caseId').innerJoin('persons as p', 'p.id', 'c.personId'),
  dimensions: {
    ...nrmDimensions(sql.ref('c.yearOfRegistration')),
    inclusionOutcome: {
      expression: sql`case when jsonb_array_length(${sql.ref('pv.goalSummary')}) = 0 then 'noGoals'
        when ${goalWith('achieved')} then 'goalAchieved' when ${goalWith('in_progress')} then 'inProgress'
        when ${goalWith('not_started')} then 'notStarted' else 'stopped' end`,
    },
  },
  countryColumns: NRM_COUNTRY_COLUMNS,
  // A cohort view: the plans of persons identified in the period, with their goals as they stand.
  dateExpression: sql.ref('c.referredAt'),
  // After a transfer the plan lives on in the receiver's case; the sender's copy is history.
  baseCondition: sql<boolean>`${sql.ref('c.referredAt')} is not null and ${sql.ref('c.transferredToCaseId')} is null`,
};

/**
 * Support received: the delivery log, one row per case and kind of service (the first delivery of
 * that kind), whether the owner delivered it or a receiver under a referral; counted for the
 * organisation that owns the case.
 */
const SUPPORT: TSourceSql = {
  from: (db) => db.selectFrom('serviceDeliveries as r').innerJoin('cases as c', 'c.id', 'r.caseId').innerJoin('persons as p', 'p.id', 'c.personId'),
  dimensions: { ...nrmDimensions(sql`extract(year from ${column('deliveredOn')})::int`, 'r.caseOrgId'), serviceKind: { expression: column('serviceKind') } },
  countryColumns: NRM_COUNTRY_COLUMNS,
  // The case owner's statistics: support its survivors received, from whichever organisation.
  orgColumn: 'r.caseOrgId',
  dateExpression: column('deliveredOn'),
  baseCondition: sql<boolean>`not exists (select 1 from service_deliveries d2 where d2.case_id = ${column('caseId')} and d2.service_kind = ${column('serviceKind')}
    and (d2.delivered_on, d2.id) < (${column('deliveredOn')}, ${column('id')}))`,
};

const knownSex = (ref: string) => sql`case when ${sql.ref(ref)} in ('female', 'male') then ${sql.ref(ref)} end`;
/** A constant list of text values (catalog vocabulary, never request data). */
const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;
const hasAny = (values: readonly string[]) => sql`${column('exploitationTypes')} && ${textArray(values)}`;
/** NRM exploitation types that CTDC counts as forced labour (domestic work, illicit activities are labour sectors there). */
const LABOUR_TYPES = ['labour', 'domestic_servitude', 'criminal'];

/**
 * Anonymous notifications (duty to notify): no identity, only coarse categories. The types are
 * rolled up into CTDC's one form per person, as for CTDC records; `not_known` is not recorded.
 */
const NOTIFICATIONS: TSourceSql = {
  from: (db) => db.selectFrom('anonymousNotifications as r'),
  dimensions: {
    organisation: organisation('r.orgId'),
    year: { expression: sql`extract(year from ${column('notifiedOn')})::int`, parameter: (key) => Number(key) },
    sex: { expression: knownSex('r.sex') },
    ageBand: { expression: sql`nullif(${column('ageBand')}, 'not_known')` },
    majority: { expression: sql`case ${column('ageAtExploitation')} when 'adult' then 'adult' when 'child' then 'minor' end` },
    exploitationForm: {
      expression: sql`case when ${hasAny(['sexual'])} and ${hasAny(LABOUR_TYPES)} then 'sexualAndLabour' when ${hasAny(['sexual'])} then 'sexual'
        when ${hasAny(LABOUR_TYPES)} then 'labour' when ${hasAny(['forced_marriage'])} then 'forcedMarriage' when ${hasAny(['organ_removal', 'other'])} then 'other' end`,
    },
    citizenship: { expression: sql`nullif(${column('nationality')}, 'not_known')` },
    citizenshipRegion: { expression: sql`lower(${sql.ref('cc.unRegion')})`, join: 'citizenshipCountry' },
  },
  countryColumns: { citizenshipCountry: 'r.nationality', exploitationCountry: 'r.nationality' },
  dateExpression: column('notifiedOn'),
};

/**
 * Suspects by the stages of the criminal-justice funnel they reached, one row per (suspect,
 * stage), with the same rules as the justice module's cohort funnel (server/modules/justice/
 * attrition-funnel.ts): a charge's outcome is its latest court decision (an appeal overrides),
 * "convicted of another offence only" excludes anyone convicted of trafficking, custody is a
 * non-suspended custodial sentence. Dated by the opening of the investigation (a cohort).
 */
const JUSTICE_STAGE_ROWS = sql`(
  with final_outcome as (
    select distinct on (cd.charge_id) cd.charge_id, cd.outcome from court_decisions cd
    order by cd.charge_id, cd.decided_on desc, cd.is_appeal desc
  ), charged as (select distinct ch.suspect_id from charges ch
  ), prosecuted as (select distinct pr.suspect_id from prosecutions pr
  ), convicted as (
    select ch.suspect_id, bool_or(ch.offence_category = 'trafficking') as of_trafficking
    from charges ch join final_outcome f on f.charge_id = ch.id where f.outcome = 'convicted' group by ch.suspect_id
  ), custody as (select distinct se.suspect_id from sentences se where se.custodial_months > 0 and not se.is_suspended)
  select su.org_id, su.id as suspect_id, su.sex, su.citizenship, i.opened_on, st.stage
  from suspects su
  join investigations i on i.id = su.investigation_id
  left join charged ch on ch.suspect_id = su.id
  left join prosecuted pr on pr.suspect_id = su.id
  left join convicted cv on cv.suspect_id = su.id
  left join custody cu on cu.suspect_id = su.id
  cross join lateral (values ('suspects', true), ('charged', ch.suspect_id is not null), ('prosecuted', pr.suspect_id is not null),
    ('convictedTrafficking', coalesce(cv.of_trafficking, false)), ('convictedOtherOnly', cv.suspect_id is not null and not cv.of_trafficking),
    ('custodial', cu.suspect_id is not null)) as st (stage, reached)
  where st.reached
)`;

const JUSTICE: TSourceSql = {
  from: (db) => db.selectFrom(JUSTICE_STAGE_ROWS.as('r')),
  dimensions: {
    organisation: organisation('r.orgId'),
    justiceStage: { expression: column('stage') },
    year: { expression: sql`extract(year from ${column('openedOn')})::int`, parameter: (key) => Number(key) },
    sex: { expression: knownSex('r.sex') },
    citizenship: { expression: column('citizenship') },
    citizenshipRegion: { expression: sql`lower(${sql.ref('cc.unRegion')})`, join: 'citizenshipCountry' },
  },
  countryColumns: { citizenshipCountry: 'r.citizenship', exploitationCountry: 'r.citizenship' },
  dateExpression: column('openedOn'),
};

/** For the national scope: one stored import run per distinct CTDC file (by SHA-256). */
const ONE_RUN_PER_FILE = sql`select distinct on (ir.file_sha256) ir.id from import_runs ir
  where ir.status in ('completed', 'partial') order by ir.file_sha256, ir.status = 'completed' desc, ir.started_at, ir.id`;

const SOURCES: Record<TMetricSource, TSourceSql> = { ctdc: CTDC, cases: CASES, decisions: DECISIONS, plans: PLANS, support: SUPPORT, notifications: NOTIFICATIONS, justice: JUSTICE };

/** A reporting period: the half-open date range, and the calendar year when it is a whole year. */
export interface TStatsPeriod {
  from: string;
  to: string;
  /** Set when the period is one calendar year (the only period CTDC records can answer). */
  wholeYear: number | null;
}

export interface TStatsSqlOptions {
  /** Restrict to these import runs (CTDC datasets); all of the organisation's when absent. */
  datasetIds?: readonly string[] | undefined;
  /** Count only rows dated within this period (the source's date column). */
  period?: TStatsPeriod | undefined;
  /**
   * Accept non-count measures (median, p90, share). Their rows are not counts: a caller that
   * tabulates rows as counts (and suppresses them as counts) must not get them, so only callers
   * that apply the measure rule (stats.service measureCell) opt in.
   */
  allowMeasures?: boolean;
  /**
   * Every organisation's rows (the national coordinator's scope) instead of `orgId`'s; the caller
   * has checked `stats.readNational`. Copies made by case transfers are excluded by each source's
   * base condition, so a transferred person is still counted once.
   */
  national?: boolean | undefined;
}

function keyFilter(dimension: TDimensionSql, keys: readonly (string | null)[]): RawBuilder<unknown> {
  const values = keys.filter((k): k is string => k !== null).map((k) => (dimension.parameter ? dimension.parameter(k) : k));
  const parts: RawBuilder<unknown>[] = [];
  if (values.length > 0) parts.push(sql`${dimension.expression} in (${sql.join(values)})`);
  if (keys.includes(null)) parts.push(sql`${dimension.expression} is null`);
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

function dimensionSql(source: TSourceSql, id: TDimensionId): TDimensionSql {
  const dimension = source.dimensions[id];
  // The catalog lists only dimensions the source has (checked by a test); this is a fault, not a user error.
  if (!dimension) throw new Error(`stats: source has no dimension ${id}`);
  return dimension;
}

function measureSelection(metric: TStatsQuery['metric'], source: TSourceSql): RawBuilder<unknown>[] {
  switch (metric.measure) {
    case 'count':
    case 'rate':
      // A rate is computed after disclosure control, from the protected count (stats.service).
      return [sql<number>`count(*)::int`.as('value') as never];
    case 'median':
    case 'p90': {
      const fraction = metric.measure === 'median' ? 0.5 : 0.9;
      return [sql`count(*)::int`.as('n') as never, sql`round((percentile_cont(${sql.lit(fraction)}) within group (order by ${source.days}))::numeric, 1)::float8`.as('value') as never];
    }
    case 'shareWithinTarget':
      return [sql`count(*)::int`.as('n') as never, sql`(count(*) filter (where ${source.withinTarget!(metric)}))::int`.as('k') as never];
  }
}

/**
 * Builds the query for a resolved statistics query.
 * @returns rows `{ d0?, d1?, value }` (plus `n`, and `k` for shares, for non-count measures):
 *   one per non-empty combination of categories
 * @throws AppError VALIDATION_FAILED (MEASURE_NOT_IMPLEMENTED for a non-count measure unless
 *   `allowMeasures`, one the source cannot compute, or one with more than one dimension; PERIOD_NOT_SUPPORTED for a period shorter than a
 *   year over CTDC records)
 */
export function buildStatsQuery(db: TDb | TTx, orgId: string, query: TStatsQuery, options: TStatsSqlOptions = {}) {
  const { metric } = query;
  const source: TSourceSql = metric.timing ? { ...SOURCES[metric.source], ...TIMINGS[metric.timing] } : SOURCES[metric.source];
  const isCountLike = metric.measure === 'count' || metric.measure === 'rate';
  if (metric.measure === 'rate' && !options.allowMeasures) {
    throw new AppError('VALIDATION_FAILED', `The measure ${metric.measure} is not computed here.`, { reason: 'MEASURE_NOT_IMPLEMENTED' });
  }
  if (!isCountLike && (!options.allowMeasures || !source.days || (metric.measure === 'shareWithinTarget' && !source.withinTarget))) {
    throw new AppError('VALIDATION_FAILED', `The measure ${metric.measure} is not computed here.`, { reason: 'MEASURE_NOT_IMPLEMENTED' });
  }
  if (!isCountLike && query.dimensions.length > 1) {
    throw new AppError('VALIDATION_FAILED', `The measure ${metric.measure} is computed over at most one dimension.`, { reason: 'MEASURE_NOT_IMPLEMENTED' });
  }
  const used = [...query.dimensions, ...query.filters.map((f) => f.dimension)];
  if (metric.condition?.kind === 'category') used.push(metric.condition.dimension);
  const joins = new Set(used.map((d) => dimensionSql(source, d).join).filter((j): j is TJoin => j !== undefined));

  let builder = source.from(db);
  if (joins.has('citizenshipCountry')) builder = builder.leftJoin('ctdcCountries as cc', 'cc.iso2', source.countryColumns.citizenshipCountry);
  if (joins.has('exploitationCountry')) builder = builder.leftJoin('ctdcCountries as ce', 'ce.iso2', source.countryColumns.exploitationCountry);

  const selections = query.dimensions.map((d, i) => dimensionSql(source, d).expression.as(`d${i}`));
  let select = builder.select([...(selections as never[]), ...measureSelection(metric, source)]);
  if (!options.national) select = select.where((source.orgColumn ?? 'r.orgId') as 'r.orgId', '=', orgId);
  // Nationally, a CTDC file imported by several organisations counts once: the records of one run
  // per file content (a complete run before a partial one, then the earliest).
  if (options.national && metric.source === 'ctdc') select = select.where(sql<boolean>`${sql.ref('r.importRunId')} in (${ONE_RUN_PER_FILE})`);
  if (source.baseCondition) select = select.where(source.baseCondition);
  if (!isCountLike && source.measureCondition) select = select.where(source.measureCondition);
  if (metric.measure === 'shareWithinTarget' && source.hasTarget) select = select.where(source.hasTarget);
  if (options.datasetIds && options.datasetIds.length > 0 && metric.source === 'ctdc') select = select.where('r.importRunId', 'in', [...options.datasetIds]);
  if (options.period) {
    if (source.dateExpression) {
      select = select.where(sql<boolean>`${source.dateExpression} >= ${options.period.from}::date and ${source.dateExpression} < ${options.period.to}::date`);
    } else if (options.period.wholeYear !== null) {
      select = select.where(keyFilter(dimensionSql(source, 'year'), [String(options.period.wholeYear)]));
    } else {
      throw new AppError('VALIDATION_FAILED', 'CTDC records know only their year: choose a whole year.', { reason: 'PERIOD_NOT_SUPPORTED' });
    }
  }
  // Medians and percentiles are over the records that have a days value (support received).
  if (metric.measure === 'median' || metric.measure === 'p90') select = select.where(sql<boolean>`${source.days} is not null`);
  if (metric.condition?.kind === 'flag' && source.flagColumn) select = select.where(sql<boolean>`${source.flagColumn(metric.condition.field)} = true`);
  if (metric.condition?.kind === 'category') select = select.where(keyFilter(dimensionSql(source, metric.condition.dimension), metric.condition.keys) as RawBuilder<boolean>);
  for (const filter of query.filters) select = select.where(keyFilter(dimensionSql(source, filter.dimension), filter.keys) as RawBuilder<boolean>);
  for (const d of query.dimensions) select = select.groupBy(dimensionSql(source, d).expression as never);
  return select as unknown as { compile(): CompiledQuery<TStatsRow>; execute(): Promise<TStatsRow[]> };
}

export interface TStatsRow {
  d0?: string | number | null;
  d1?: string | number | null;
  /** The count, or the median/percentile of a non-count measure (absent for shares). */
  value: number;
  /** Records behind a non-count measure's value. */
  n?: number;
  /** Records within the target (shares). */
  k?: number;
}
