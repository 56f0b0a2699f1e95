/**
 * The metric catalog: what the statistics engine can compute, in which unit, broken down by
 * which dimensions. Pure data; the engine (server/modules/stats) turns a metric plus dimensions
 * and filters into SQL over the metric's source.
 *
 * Sources: `ctdc` = the organisation's imported CTDC victim records. The NRM sources (cases,
 * referrals, decisions) join this list when their tables exist; a metric over them is one more
 * entry here plus that source's column map in the engine. Measures other than counts (median
 * and 90th percentile of days to decision, share of decisions within the target) are declared
 * by `measure` for the same reason; the engine refuses a measure it does not implement yet.
 */
import { EXPLOITATION, LABOUR_SECTORS, MEANS_OF_CONTROL, RECRUITER_RELATIONS, SEXUAL_EXPLOITATION_TYPES } from '../ctdc/index.ts';
import { DIMENSION_IDS, type TDimensionId } from './dimensions.ts';
import type { TLabels } from './labels.ts';

/**
 * `cases` = the organisation's NRM cases referred (identified), one per person; `decisions` =
 * RG/CG decisions on them; `plans` = the latest recovery-plan version of each case; `support` =
 * the service delivery log, one row per person and kind of support (their first delivery of it);
 * `notifications` = anonymous notifications of adults who declined a referral (no identity at
 * all); `justice` = suspects of the organisation's investigations, one row per stage of the
 * criminal-justice funnel each reached (so a funnel's total counts person-stages, not persons).
 */
export const METRIC_SOURCES = ['ctdc', 'cases', 'decisions', 'plans', 'support', 'notifications', 'justice'] as const;
export type TMetricSource = (typeof METRIC_SOURCES)[number];

/** `per100k`: a rate per 100,000 population (SDG 16.2.2), from imported population denominators. */
export const METRIC_UNITS = ['persons', 'cases', 'decisions', 'days', 'per100k'] as const;
export type TMetricUnit = (typeof METRIC_UNITS)[number];

/**
 * `count`: records. `median`/`p90`: of the source's days value (days from identification to
 * first support for cases). `shareWithinTarget`: percentage of records whose days value is at
 * most the metric's `targetDays` (or, for decisions, recorded by the deadline the jurisdiction
 * set). Non-count measures allow at most one dimension. `rate`: the disclosure-protected count of
 * each cell per 100,000 population of the cell's country, year, sex and age group (RATE_PER).
 */
export const METRIC_MEASURES = ['count', 'median', 'p90', 'shareWithinTarget', 'rate'] as const;

/** Rates are per this many inhabitants (SDG 16.2.2: victims per 100,000 population). */
export const RATE_PER = 100_000;
export type TMetricMeasure = (typeof METRIC_MEASURES)[number];

/** CTDC 0/1 variables (CTDC's own column names) a metric may count on. */
export const CTDC_FLAG_FIELDS = [
  ...MEANS_OF_CONTROL.map((s) => s.column),
  ...EXPLOITATION.map((s) => s.column),
  ...LABOUR_SECTORS.map((s) => s.column),
  ...SEXUAL_EXPLOITATION_TYPES.map((s) => s.column),
  ...RECRUITER_RELATIONS.map((s) => s.column),
  'isAbduction',
] as const;

/** Which records a metric counts, beyond the query's own filters. */
export type TMetricCondition =
  /** Records where this CTDC variable is recorded as 1 (not 0, not missing). */
  | { kind: 'flag'; field: string }
  /** Records whose dimension value is one of these keys. */
  | { kind: 'category'; dimension: TDimensionId; keys: readonly string[] };

export interface TMetric {
  /** Stable id, `source.name`; stored in saved dashboards and releases. */
  id: string;
  source: TMetricSource;
  unit: TMetricUnit;
  measure: TMetricMeasure;
  labels: TLabels;
  descriptions: TLabels;
  condition: TMetricCondition | null;
  /** Dimensions a query may break the metric down by (at most two at a time). */
  dimensions: readonly TDimensionId[];
  /** Dimensions a query may filter on. */
  filters: readonly TDimensionId[];
  /**
   * For `shareWithinTarget`: the number of days within which a record counts as on time. Absent
   * when the target comes from the data (decisions: the deadline stored for the case).
   */
  targetDays?: number;
  /**
   * For `cases` timing measures: which days value is measured. Absent = days from referral to the
   * first support of any kind; `firstShelter` = days from referral to the first shelter delivered
   * (delivery log), over persons with a shelter need on record (referred to a shelter service or
   * sheltered).
   */
  timing?: 'firstShelter';
}

/** At most this many dimensions per query: tables are two-way (suppression works on those). */
export const MAX_QUERY_DIMENSIONS = 2;

const ALL_CTDC_DIMENSIONS: readonly TDimensionId[] = DIMENSION_IDS.filter((d) => !['decisionKind', 'decisionOutcome', 'inclusionOutcome', 'serviceKind', 'organisation', 'justiceStage'].includes(d));

/** Dimensions every NRM source has (the case's registration year, the person's sex and citizenship…). */
const NRM_DIMENSIONS: readonly TDimensionId[] = ['year', 'sex', 'majority', 'citizenship', 'countryOfExploitation', 'citizenshipRegion', 'exploitationRegion', 'organisation'];
/** Anonymous notifications carry only coarse categories (core/nrm/anonymous-notification.ts). */
const NOTIFICATION_DIMENSIONS: readonly TDimensionId[] = ['year', 'sex', 'ageBand', 'majority', 'exploitationForm', 'citizenship', 'citizenshipRegion', 'organisation'];
const JUSTICE_DIMENSIONS: readonly TDimensionId[] = ['justiceStage', 'year', 'sex', 'citizenship', 'citizenshipRegion', 'organisation'];
const DECISION_DIMENSIONS: readonly TDimensionId[] = [...NRM_DIMENSIONS, 'decisionKind', 'decisionOutcome'];
const PLAN_DIMENSIONS: readonly TDimensionId[] = [...NRM_DIMENSIONS, 'inclusionOutcome'];
const SUPPORT_DIMENSIONS: readonly TDimensionId[] = [...NRM_DIMENSIONS, 'serviceKind'];
const DECISION_TIME_DIMENSIONS: readonly TDimensionId[] = [...NRM_DIMENSIONS, 'decisionKind'];

/** Days within which support counts as early (ICAT: support from the first days after identification). */
export const EARLY_SUPPORT_DAYS = 7;
/** Days within which shelter counts as timely (NRM effectiveness: shelter within a week of referral). */
export const SHELTER_DAYS = 7;

const nrmMetric = (metric: Omit<TMetric, 'dimensions' | 'filters'> & { dimensions?: readonly TDimensionId[] }): TMetric =>
  ({ ...metric, dimensions: metric.dimensions ?? NRM_DIMENSIONS, filters: metric.dimensions ?? NRM_DIMENSIONS });

function ctdcVictims(id: string, labels: TLabels, descriptions: TLabels, condition: TMetricCondition | null): TMetric {
  return { id, source: 'ctdc', unit: 'persons', measure: 'count', labels, descriptions, condition, dimensions: ALL_CTDC_DIMENSIONS, filters: ALL_CTDC_DIMENSIONS };
}

function rateMetric(id: string, source: TMetricSource, dimensions: readonly TDimensionId[], labels: TLabels, descriptions: TLabels): TMetric {
  return { id, source, unit: 'per100k', measure: 'rate', labels, descriptions, condition: null, dimensions, filters: dimensions };
}

const flag = (field: (typeof CTDC_FLAG_FIELDS)[number]): TMetricCondition => ({ kind: 'flag', field });

/** Every metric, in catalog order. */
export const METRICS: readonly TMetric[] = [
  ctdcVictims(
    'ctdc.victims',
    { en: 'Victims identified', fr: 'Victimes identifiées', es: 'Víctimas identificadas', ar: 'الضحايا المحددون' },
    {
      en: 'Victims in the imported CTDC records, one record per victim.',
      fr: 'Victimes dans les données CTDC importées, un enregistrement par victime.',
      es: 'Víctimas en los registros CTDC importados, un registro por víctima.',
      ar: 'الضحايا في سجلات CTDC المستوردة، سجل واحد لكل ضحية.',
    },
    null,
  ),
  ctdcVictims(
    'ctdc.victims.sexualExploitation',
    { en: 'Victims of sexual exploitation', fr: 'Victimes d’exploitation sexuelle', es: 'Víctimas de explotación sexual', ar: 'ضحايا الاستغلال الجنسي' },
    {
      en: 'Victims recorded with sexual exploitation (alone or with other forms).',
      fr: 'Victimes pour lesquelles l’exploitation sexuelle est enregistrée (seule ou avec d’autres formes).',
      es: 'Víctimas con explotación sexual registrada (sola o con otras formas).',
      ar: 'الضحايا المسجل لديهم استغلال جنسي (وحده أو مع أشكال أخرى).',
    },
    flag('isSexualExploit'),
  ),
  ctdcVictims(
    'ctdc.victims.forcedLabour',
    { en: 'Victims of forced labour', fr: 'Victimes de travail forcé', es: 'Víctimas de trabajo forzoso', ar: 'ضحايا العمل القسري' },
    {
      en: 'Victims recorded with forced labour (alone or with other forms).',
      fr: 'Victimes pour lesquelles le travail forcé est enregistré (seul ou avec d’autres formes).',
      es: 'Víctimas con trabajo forzoso registrado (solo o con otras formas).',
      ar: 'الضحايا المسجل لديهم عمل قسري (وحده أو مع أشكال أخرى).',
    },
    flag('isForcedLabour'),
  ),
  ctdcVictims(
    'ctdc.victims.forcedMarriage',
    { en: 'Victims of forced marriage', fr: 'Victimes de mariage forcé', es: 'Víctimas de matrimonio forzado', ar: 'ضحايا الزواج القسري' },
    {
      en: 'Victims recorded with forced marriage.',
      fr: 'Victimes pour lesquelles un mariage forcé est enregistré.',
      es: 'Víctimas con matrimonio forzado registrado.',
      ar: 'الضحايا المسجل لديهم زواج قسري.',
    },
    flag('isForcedMarriage'),
  ),
  ctdcVictims(
    'ctdc.victims.children',
    { en: 'Child victims', fr: 'Enfants victimes', es: 'Víctimas menores de edad', ar: 'الضحايا من الأطفال' },
    {
      en: 'Victims who were children (under 18) when registered.',
      fr: 'Victimes mineures (moins de 18 ans) au moment de l’enregistrement.',
      es: 'Víctimas menores de 18 años en el momento del registro.',
      ar: 'الضحايا الذين كانوا أطفالاً (دون 18 عاماً) عند التسجيل.',
    },
    { kind: 'category', dimension: 'majority', keys: ['minor'] },
  ),
  ctdcVictims(
    'ctdc.victims.abducted',
    { en: 'Victims abducted', fr: 'Victimes enlevées', es: 'Víctimas secuestradas', ar: 'الضحايا المختطفون' },
    {
      en: 'Victims whose recruitment involved abduction.',
      fr: 'Victimes dont le recrutement a impliqué un enlèvement.',
      es: 'Víctimas cuya captación implicó un secuestro.',
      ar: 'الضحايا الذين تضمن تجنيدهم اختطافاً.',
    },
    flag('isAbduction'),
  ),
  ctdcVictims(
    'ctdc.victims.debtBondage',
    { en: 'Victims held in debt bondage', fr: 'Victimes de servitude pour dettes', es: 'Víctimas de servidumbre por deudas', ar: 'ضحايا عبودية الدين' },
    {
      en: 'Victims controlled by debt bondage.',
      fr: 'Victimes contrôlées par la servitude pour dettes.',
      es: 'Víctimas controladas mediante servidumbre por deudas.',
      ar: 'الضحايا الخاضعون للسيطرة عبر عبودية الدين.',
    },
    flag('meansOfControlDebtBondage'),
  ),
  ctdcVictims(
    'ctdc.victims.documentsWithheld',
    { en: 'Victims whose documents were withheld', fr: 'Victimes privées de leurs documents', es: 'Víctimas a las que se retuvieron los documentos', ar: 'الضحايا المحتجزة وثائقهم' },
    {
      en: 'Victims controlled by withholding their identity or travel documents.',
      fr: 'Victimes contrôlées par la confiscation de leurs papiers d’identité ou de voyage.',
      es: 'Víctimas controladas mediante la retención de sus documentos de identidad o de viaje.',
      ar: 'الضحايا الخاضعون للسيطرة عبر احتجاز وثائق هويتهم أو سفرهم.',
    },
    flag('meansOfControlWithholdsDocuments'),
  ),
  ctdcVictims(
    'ctdc.victims.physicalAbuse',
    { en: 'Victims subjected to physical abuse', fr: 'Victimes de violences physiques', es: 'Víctimas de abuso físico', ar: 'ضحايا الإيذاء الجسدي' },
    {
      en: 'Victims controlled by physical abuse.',
      fr: 'Victimes contrôlées par des violences physiques.',
      es: 'Víctimas controladas mediante abuso físico.',
      ar: 'الضحايا الخاضعون للسيطرة عبر الإيذاء الجسدي.',
    },
    flag('meansOfControlPhysicalAbuse'),
  ),
  ctdcVictims(
    'ctdc.victims.recruitedByFamily',
    { en: 'Victims recruited by a family member', fr: 'Victimes recrutées par un membre de la famille', es: 'Víctimas captadas por un familiar', ar: 'الضحايا المجندون من قبل أحد أفراد الأسرة' },
    {
      en: 'Victims whose recruiter was a family member or relative.',
      fr: 'Victimes dont le recruteur était un membre de la famille ou un proche.',
      es: 'Víctimas cuyo captador era un familiar o pariente.',
      ar: 'الضحايا الذين كان مجندهم أحد أفراد الأسرة أو الأقارب.',
    },
    flag('recruiterRelationFamily'),
  ),
  ctdcVictims(
    'ctdc.victims.recruitedByIntimatePartner',
    { en: 'Victims recruited by an intimate partner', fr: 'Victimes recrutées par un partenaire intime', es: 'Víctimas captadas por su pareja', ar: 'الضحايا المجندون من قبل شريك حميم' },
    {
      en: 'Victims whose recruiter was an intimate partner.',
      fr: 'Victimes dont le recruteur était un partenaire intime.',
      es: 'Víctimas cuyo captador era su pareja.',
      ar: 'الضحايا الذين كان مجندهم شريكاً حميماً.',
    },
    flag('recruiterRelationIntimatePartner'),
  ),
  // NRM effectiveness (ICAT): identification, decisions, time to support, early support, inclusion.
  nrmMetric({
    id: 'cases.identified', source: 'cases', unit: 'persons', measure: 'count', condition: null,
    labels: { en: 'Persons referred into the NRM', fr: 'Personnes orientées vers le MNO', es: 'Personas remitidas al MNR', ar: 'الأشخاص المحالون إلى آلية الإحالة الوطنية' },
    descriptions: {
      en: 'Cases referred for an identification decision (dated by referral), one per person.',
      fr: 'Dossiers orientés pour une décision d’identification (datés de l’orientation), un par personne.',
      es: 'Casos remitidos para una decisión de identificación (fechados por la remisión), uno por persona.',
      ar: 'الحالات المحالة لاتخاذ قرار تحديد الهوية (بتاريخ الإحالة)، حالة واحدة لكل شخص.',
    },
  }),
  nrmMetric({
    id: 'cases.daysToSupport', source: 'cases', unit: 'days', measure: 'median', condition: null,
    labels: { en: 'Days from identification to support (median)', fr: 'Jours entre l’identification et l’aide (médiane)', es: 'Días desde la identificación hasta la asistencia (mediana)', ar: 'الأيام من تحديد الهوية إلى الدعم (الوسيط)' },
    descriptions: {
      en: 'Median days from referral into the NRM to the first service referral or delivery, over persons who received support.',
      fr: 'Médiane des jours entre l’orientation vers le MNO et la première orientation vers un service ou prestation, parmi les personnes aidées.',
      es: 'Mediana de días entre la remisión al MNR y la primera derivación o prestación de un servicio, entre las personas asistidas.',
      ar: 'وسيط الأيام من الإحالة إلى الآلية حتى أول إحالة إلى خدمة أو تقديمها، بين الأشخاص الذين تلقوا الدعم.',
    },
  }),
  nrmMetric({
    id: 'cases.daysToSupportP90', source: 'cases', unit: 'days', measure: 'p90', condition: null,
    labels: { en: 'Days from identification to support (90th percentile)', fr: 'Jours entre l’identification et l’aide (90e centile)', es: 'Días desde la identificación hasta la asistencia (percentil 90)', ar: 'الأيام من تحديد الهوية إلى الدعم (المئين التسعون)' },
    descriptions: {
      en: '90th percentile of the days from referral into the NRM to the first service referral or delivery.',
      fr: '90e centile des jours entre l’orientation vers le MNO et la première orientation vers un service ou prestation.',
      es: 'Percentil 90 de los días entre la remisión al MNR y la primera derivación o prestación de un servicio.',
      ar: 'المئين التسعون للأيام من الإحالة إلى الآلية حتى أول إحالة إلى خدمة أو تقديمها.',
    },
  }),
  nrmMetric({
    id: 'cases.earlySupport', source: 'cases', unit: 'persons', measure: 'shareWithinTarget', condition: null, targetDays: EARLY_SUPPORT_DAYS,
    labels: { en: 'Share of identified persons supported within 7 days', fr: 'Part des personnes identifiées aidées sous 7 jours', es: 'Proporción de personas identificadas asistidas en 7 días', ar: 'نسبة الأشخاص المحددين الذين تلقوا الدعم خلال 7 أيام' },
    descriptions: {
      en: 'Percentage of persons referred into the NRM whose first service referral or delivery came within 7 days.',
      fr: 'Pourcentage des personnes orientées vers le MNO dont la première orientation vers un service ou prestation a eu lieu sous 7 jours.',
      es: 'Porcentaje de personas remitidas al MNR cuya primera derivación o prestación de un servicio llegó en 7 días.',
      ar: 'النسبة المئوية للأشخاص المحالين إلى الآلية الذين جاءت أول إحالة إلى خدمة أو تقديمها لهم خلال 7 أيام.',
    },
  }),
  nrmMetric({
    id: 'cases.shelterWithin7Days', source: 'cases', unit: 'persons', measure: 'shareWithinTarget', condition: null, targetDays: SHELTER_DAYS, timing: 'firstShelter',
    labels: { en: 'Share of victims sheltered within 7 days of referral', fr: 'Part des victimes hébergées sous 7 jours après l’orientation', es: 'Proporción de víctimas alojadas en los 7 días posteriores a la remisión', ar: 'نسبة الضحايا الذين حصلوا على مأوى خلال 7 أيام من الإحالة' },
    descriptions: {
      en: 'Of the persons referred into the NRM who needed shelter (referred to a shelter service, or sheltered), the percentage whose first shelter was delivered within 7 days of the referral (service delivery log).',
      fr: 'Parmi les personnes orientées vers le MNO ayant besoin d’un hébergement (orientées vers un service d’hébergement, ou hébergées), le pourcentage dont le premier hébergement a été fourni sous 7 jours après l’orientation (journal des prestations).',
      es: 'De las personas remitidas al MNR que necesitaban alojamiento (derivadas a un servicio de alojamiento, o alojadas), el porcentaje cuyo primer alojamiento se prestó en los 7 días posteriores a la remisión (registro de prestaciones).',
      ar: 'من بين الأشخاص المحالين إلى الآلية الذين احتاجوا إلى مأوى (أحيلوا إلى خدمة إيواء أو آووا)، النسبة المئوية لمن قُدِّم لهم أول مأوى خلال 7 أيام من الإحالة (سجل تقديم الخدمات).',
    },
  }),
  nrmMetric({
    id: 'decisions.all', source: 'decisions', unit: 'decisions', measure: 'count', condition: null, dimensions: DECISION_DIMENSIONS,
    labels: { en: 'Identification decisions', fr: 'Décisions d’identification', es: 'Decisiones de identificación', ar: 'قرارات تحديد الهوية' },
    descriptions: {
      en: 'Reasonable- and conclusive-grounds decisions, dated by decision.',
      fr: 'Décisions sur motifs raisonnables et concluants, datées de la décision.',
      es: 'Decisiones de indicios razonables y de motivos concluyentes, fechadas por la decisión.',
      ar: 'قرارات الأسباب المعقولة والأسباب القاطعة، بتاريخ القرار.',
    },
  }),
  nrmMetric({
    id: 'decisions.negative', source: 'decisions', unit: 'decisions', measure: 'count', condition: { kind: 'category', dimension: 'decisionOutcome', keys: ['negative'] }, dimensions: DECISION_DIMENSIONS,
    labels: { en: 'Negative identification decisions', fr: 'Décisions d’identification négatives', es: 'Decisiones de identificación negativas', ar: 'قرارات تحديد الهوية السلبية' },
    descriptions: {
      en: 'Negative reasonable- and conclusive-grounds decisions (their reasons are sealed text, counted by kind of decision).',
      fr: 'Décisions négatives sur motifs raisonnables et concluants (leurs motifs sont du texte scellé, comptés par type de décision).',
      es: 'Decisiones negativas de indicios razonables y de motivos concluyentes (sus motivos son texto sellado; se cuentan por tipo de decisión).',
      ar: 'القرارات السلبية للأسباب المعقولة والقاطعة (أسبابها نص مختوم، وتُحصى حسب نوع القرار).',
    },
  }),
  nrmMetric({
    id: 'plans.inclusionOutcome', source: 'plans', unit: 'persons', measure: 'count', condition: null, dimensions: PLAN_DIMENSIONS,
    labels: { en: 'Survivors by recovery plan outcome', fr: 'Survivants selon le résultat du plan de rétablissement', es: 'Sobrevivientes según el resultado del plan de recuperación', ar: 'الناجون حسب نتيجة خطة التعافي' },
    descriptions: {
      en: 'Persons with a recovery and social-inclusion plan, by the best status their goals reached (dated by referral).',
      fr: 'Personnes ayant un plan de rétablissement et d’inclusion sociale, selon le meilleur statut atteint par leurs objectifs (datées de l’orientation).',
      es: 'Personas con un plan de recuperación e inclusión social, según el mejor estado alcanzado por sus objetivos (fechadas por la remisión).',
      ar: 'الأشخاص الذين لديهم خطة تعافٍ وإدماج اجتماعي، حسب أفضل حالة بلغتها أهدافهم (بتاريخ الإحالة).',
    },
  }),
  nrmMetric({
    id: 'support.received', source: 'support', unit: 'persons', measure: 'count', condition: null, dimensions: SUPPORT_DIMENSIONS,
    labels: { en: 'Survivors receiving support, by kind', fr: 'Survivants ayant reçu une aide, par type', es: 'Sobrevivientes que recibieron apoyo, por tipo', ar: 'الناجون الذين تلقوا الدعم، حسب النوع' },
    descriptions: {
      en: 'Persons who received each kind of support (from the service delivery log), counted once per kind, dated by their first delivery of it.',
      fr: 'Personnes ayant reçu chaque type d’aide (journal des prestations), comptées une fois par type, datées de leur première prestation.',
      es: 'Personas que recibieron cada tipo de apoyo (registro de prestaciones), contadas una vez por tipo, fechadas por su primera prestación.',
      ar: 'الأشخاص الذين تلقوا كل نوع من الدعم (من سجل تقديم الخدمات)، يُحسب كل منهم مرة واحدة لكل نوع، بتاريخ أول تقديم له.',
    },
  }),
  // Time to decision (ICAT): first decisions of each kind; reconsiderations answer another question.
  nrmMetric({
    id: 'decisions.daysToDecision', source: 'decisions', unit: 'days', measure: 'median', condition: null, dimensions: DECISION_TIME_DIMENSIONS,
    labels: { en: 'Days from referral to decision (median)', fr: 'Jours entre l’orientation et la décision (médiane)', es: 'Días desde la remisión hasta la decisión (mediana)', ar: 'الأيام من الإحالة إلى القرار (الوسيط)' },
    descriptions: {
      en: 'Median days from referral into the NRM to the reasonable- or conclusive-grounds decision (first decisions; reconsiderations excluded), dated by decision.',
      fr: 'Médiane des jours entre l’orientation vers le MNO et la décision sur motifs raisonnables ou concluants (premières décisions, réexamens exclus), datée de la décision.',
      es: 'Mediana de días entre la remisión al MNR y la decisión de indicios razonables o de motivos concluyentes (primeras decisiones, sin reconsideraciones), fechada por la decisión.',
      ar: 'وسيط الأيام من الإحالة إلى الآلية حتى قرار الأسباب المعقولة أو القاطعة (القرارات الأولى، دون إعادة النظر)، بتاريخ القرار.',
    },
  }),
  nrmMetric({
    id: 'decisions.daysToDecisionP90', source: 'decisions', unit: 'days', measure: 'p90', condition: null, dimensions: DECISION_TIME_DIMENSIONS,
    labels: { en: 'Days from referral to decision (90th percentile)', fr: 'Jours entre l’orientation et la décision (90e centile)', es: 'Días desde la remisión hasta la decisión (percentil 90)', ar: 'الأيام من الإحالة إلى القرار (المئين التسعون)' },
    descriptions: {
      en: '90th percentile of the days from referral into the NRM to the reasonable- or conclusive-grounds decision (first decisions; reconsiderations excluded).',
      fr: '90e centile des jours entre l’orientation vers le MNO et la décision sur motifs raisonnables ou concluants (premières décisions, réexamens exclus).',
      es: 'Percentil 90 de los días entre la remisión al MNR y la decisión de indicios razonables o de motivos concluyentes (primeras decisiones, sin reconsideraciones).',
      ar: 'المئين التسعون للأيام من الإحالة إلى الآلية حتى قرار الأسباب المعقولة أو القاطعة (القرارات الأولى، دون إعادة النظر).',
    },
  }),
  nrmMetric({
    id: 'decisions.withinTarget', source: 'decisions', unit: 'decisions', measure: 'shareWithinTarget', condition: null, dimensions: DECISION_TIME_DIMENSIONS,
    labels: { en: 'Share of decisions taken within the target', fr: 'Part des décisions prises dans le délai cible', es: 'Proporción de decisiones tomadas dentro del plazo', ar: 'نسبة القرارات المتخذة ضمن المهلة المستهدفة' },
    descriptions: {
      en: 'Percentage of first decisions that have a target under the case’s jurisdiction profile (a decision deadline stored at referral, e.g. reasonable grounds within 5 working days) and were recorded no later than that deadline’s due time. Decisions without a target (conclusive grounds, profiles without one) are left out.',
      fr: 'Pourcentage des premières décisions ayant un délai cible selon le profil de juridiction du dossier (échéance de décision enregistrée à l’orientation, p. ex. motifs raisonnables sous 5 jours ouvrés) et enregistrées au plus tard à cette échéance. Les décisions sans délai cible (motifs concluants, profils sans délai) sont exclues.',
      es: 'Porcentaje de primeras decisiones con plazo según el perfil de jurisdicción del caso (vencimiento de decisión registrado en la remisión, p. ej. indicios razonables en 5 días hábiles) y registradas a más tardar en ese vencimiento. Se excluyen las decisiones sin plazo (motivos concluyentes, perfiles sin plazo).',
      ar: 'النسبة المئوية للقرارات الأولى التي لها مهلة بموجب ملف الولاية القضائية للحالة (موعد قرار يُسجل عند الإحالة، مثل الأسباب المعقولة خلال 5 أيام عمل) وسُجلت في موعد استحقاقه أو قبله. تُستبعد القرارات بلا مهلة (الأسباب القاطعة، والملفات التي لا تحدد مهلة).',
    },
  }),
  {
    id: 'notifications.anonymous', source: 'notifications', unit: 'persons', measure: 'count', condition: null, dimensions: NOTIFICATION_DIMENSIONS, filters: NOTIFICATION_DIMENSIONS,
    labels: { en: 'Anonymous notifications', fr: 'Signalements anonymes', es: 'Notificaciones anónimas', ar: 'الإشعارات المجهولة الهوية' },
    descriptions: {
      en: 'Adults who declined a referral into the NRM, counted without identity (duty to notify), dated by notification. The year, age band, citizenship and form of exploitation are as notified; age at exploitation gives adult or child.',
      fr: 'Adultes ayant refusé l’orientation vers le MNO, comptés sans identité (obligation de signalement), datés du signalement. L’âge au moment de l’exploitation donne adulte ou enfant.',
      es: 'Personas adultas que rechazaron la remisión al MNR, contadas sin identidad (deber de notificar), fechadas por la notificación. La edad en el momento de la explotación da persona adulta o menor.',
      ar: 'البالغون الذين رفضوا الإحالة إلى الآلية، يُحصون دون هوية (واجب الإشعار)، بتاريخ الإشعار. يحدد العمر وقت الاستغلال بالغاً أو طفلاً.',
    },
  },
  {
    id: 'justice.funnel', source: 'justice', unit: 'persons', measure: 'count', condition: null, dimensions: JUSTICE_DIMENSIONS, filters: JUSTICE_DIMENSIONS,
    labels: { en: 'Criminal-justice funnel (persons)', fr: 'Entonnoir de la chaîne pénale (personnes)', es: 'Embudo de la justicia penal (personas)', ar: 'قمع العدالة الجنائية (أشخاص)' },
    descriptions: {
      en: 'Suspects of the investigations opened in the period, by the stages they reached: charged, prosecuted, convicted (of trafficking, or of another offence only, by the final court decision), sentenced to custody. A person counts once in every stage reached, so read it by stage: the total adds stages up.',
      fr: 'Suspects des enquêtes ouvertes sur la période, selon les étapes atteintes : inculpation, poursuite, condamnation (pour traite, ou seulement pour une autre infraction, selon la décision définitive), peine privative de liberté. Une personne compte une fois par étape atteinte : lire par étape, le total additionne les étapes.',
      es: 'Sospechosos de las investigaciones abiertas en el periodo, según las etapas alcanzadas: acusación, procesamiento, condena (por trata, o solo por otro delito, según la decisión firme), pena de prisión. Una persona cuenta una vez por etapa alcanzada: léase por etapa, el total suma etapas.',
      ar: 'المشتبه بهم في التحقيقات المفتوحة خلال الفترة، حسب المراحل التي بلغوها: توجيه التهمة، الملاحقة، الإدانة (بالاتجار أو بجريمة أخرى فقط، حسب القرار النهائي)، الحكم بالسجن. يُحسب الشخص مرة في كل مرحلة بلغها، فالمجموع يجمع المراحل.',
    },
  },
  // SDG 16.2.2: victims per 100,000 population, by sex, age and form of exploitation.
  rateMetric(
    'ctdc.victimsPer100k', 'ctdc', ALL_CTDC_DIMENSIONS,
    { en: 'Victims per 100,000 population', fr: 'Victimes pour 100 000 habitants', es: 'Víctimas por cada 100 000 habitantes', ar: 'الضحايا لكل 100000 نسمة' },
    {
      en: 'SDG 16.2.2: imported CTDC victims per 100,000 inhabitants of the country of exploitation in the year of registration (of the same sex and age group — 0–17 for children, 18+ for adults — when the table or a single-category filter fixes them). Each cell needs one country and one year (a dimension, a one-country filter, a whole-year period); computed from the published (protected) count: a suppressed count gives no rate.',
      fr: 'ODD 16.2.2 : victimes CTDC importées pour 100 000 habitants du pays d’exploitation l’année d’enregistrement (du même sexe et groupe d’âge, 0–17 ans pour les enfants, 18 ans et plus pour les adultes, quand le tableau ou un filtre à une catégorie les fixe). Chaque cellule doit porter sur un pays et une année ; calculé à partir du nombre publié (protégé) : un nombre masqué ne donne pas de taux.',
      es: 'ODS 16.2.2: víctimas CTDC importadas por cada 100 000 habitantes del país de explotación en el año de registro (del mismo sexo y grupo de edad, 0–17 para menores, 18+ para adultos, cuando la tabla o un filtro de una categoría los fija). Cada celda debe referirse a un país y un año; se calcula con el número publicado (protegido): un número suprimido no da tasa.',
      ar: 'هدف التنمية المستدامة 16.2.2: ضحايا CTDC المستوردون لكل 100000 من سكان بلد الاستغلال في سنة التسجيل (من الجنس والفئة العمرية نفسيهما، 0–17 للأطفال و18+ للبالغين، عندما يحددهما الجدول أو مرشح بفئة واحدة). يجب أن تخص كل خلية بلداً واحداً وسنة واحدة؛ يُحسب من العدد المنشور (المحمي): العدد المحجوب لا يعطي معدلاً.',
    },
  ),
  rateMetric(
    'cases.identifiedPer100k', 'cases', NRM_DIMENSIONS,
    { en: 'Persons referred into the NRM per 100,000 population', fr: 'Personnes orientées vers le MNO pour 100 000 habitants', es: 'Personas remitidas al MNR por cada 100 000 habitantes', ar: 'الأشخاص المحالون إلى الآلية لكل 100000 نسمة' },
    {
      en: 'SDG 16.2.2 from NRM data: persons referred (one per person, dated by referral) per 100,000 inhabitants of the country of exploitation recorded on the case, in the year of referral (same sex and age group when fixed). Each cell needs one country (a dimension or a one-country filter) and one year; a suppressed count gives no rate.',
      fr: 'ODD 16.2.2 d’après le MNO : personnes orientées (une par personne, datées de l’orientation) pour 100 000 habitants du pays d’exploitation inscrit au dossier, l’année de l’orientation (même sexe et groupe d’âge quand ils sont fixés). Chaque cellule doit porter sur un pays et une année ; un nombre masqué ne donne pas de taux.',
      es: 'ODS 16.2.2 con datos del MNR: personas remitidas (una por persona, fechadas por la remisión) por cada 100 000 habitantes del país de explotación registrado en el caso, en el año de la remisión (mismo sexo y grupo de edad cuando se fijan). Cada celda debe referirse a un país y un año; un número suprimido no da tasa.',
      ar: 'هدف التنمية المستدامة 16.2.2 من بيانات الآلية: الأشخاص المحالون (شخص واحد لكل حالة، بتاريخ الإحالة) لكل 100000 من سكان بلد الاستغلال المسجل في الحالة، في سنة الإحالة (الجنس والفئة العمرية نفسيهما عند تحديدهما). يجب أن تخص كل خلية بلداً واحداً وسنة واحدة؛ العدد المحجوب لا يعطي معدلاً.',
    },
  ),
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this id, or undefined. */
export function findMetric(id: string): TMetric | undefined {
  return BY_ID.get(id);
}
