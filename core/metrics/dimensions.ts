/**
 * The dimensions statistics can be broken down (and filtered) by. Category keys are strings
 * (years too, e.g. "2019"); `null` is the "not recorded" category of every dimension. Which
 * column or expression a dimension reads is the statistics engine's business (server side);
 * this catalog says what the categories are and how they are labelled.
 */
import {
  CTDC_AGE_BANDS,
  CTDC_DATA_SOURCES,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  EXPLOITATION_FORMS,
  findCountryByIso2,
  isCtdcCountryCode,
} from '../ctdc/index.ts';
import { sameInEveryLanguage, type TLabels } from './labels.ts';
import { LABOUR_TYPES } from './labour-type.ts';

export const DIMENSION_IDS = [
  'year',
  'sex',
  'ageBand',
  'majority',
  'exploitationForm',
  'labourType',
  'citizenship',
  'countryOfExploitation',
  'citizenshipRegion',
  'exploitationRegion',
  'dataSource',
  // NRM data (cases, decisions, recovery plans)
  'decisionKind',
  'decisionOutcome',
  'inclusionOutcome',
  'serviceKind',
  // Who holds the record (NRM sources): labels are the organisations' names, filled in by the engine.
  'organisation',
  // Criminal justice: the stage of the attrition funnel a suspect reached.
  'justiceStage',
] as const;
export type TDimensionId = (typeof DIMENSION_IDS)[number];

export interface TCategory {
  key: string;
  labels: TLabels;
}

export interface TDimension {
  id: TDimensionId;
  labels: TLabels;
  /**
   * `fixed`: every category is listed below and shown even when empty (zeros are information).
   * `observed`: the categories are the values present in the data (years, countries).
   */
  kind: 'fixed' | 'observed';
  /** The categories of a fixed dimension, in display order; empty for observed ones. */
  categories: readonly TCategory[];
  /** Whether a string is a possible category key (for filters). */
  isValidKey(key: string): boolean;
  /** Labels of a key (observed dimensions compute them, e.g. country names). */
  labelsOf(key: string): TLabels;
  /**
   * High-cardinality dimensions whose smallest categories may be merged into one "other"
   * category when a table would be too large to protect quickly (countries, sectors).
   */
  isGroupable: boolean;
  /** Dimensions whose categories are ordered (years, age bands): charts keep their order. */
  isOrdered: boolean;
}

function fixed(
  id: TDimensionId,
  labels: TLabels,
  categories: readonly TCategory[],
  options: { isGroupable?: boolean; isOrdered?: boolean } = {},
): TDimension {
  const byKey = new Map(categories.map((c) => [c.key, c]));
  return {
    id,
    labels,
    kind: 'fixed',
    categories,
    isValidKey: (key) => byKey.has(key),
    labelsOf: (key) => byKey.get(key)?.labels ?? sameInEveryLanguage(key),
    isGroupable: options.isGroupable ?? false,
    isOrdered: options.isOrdered ?? false,
  };
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionName(language: string, iso2: string): string | undefined {
  if (!displayNames.has(language)) {
    try {
      displayNames.set(language, new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(language, null);
    }
  }
  try {
    return displayNames.get(language)?.of(iso2) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Country names: CTDC's English name; other languages from the runtime's ICU data when it has them. */
export function countryLabels(iso2: string): TLabels {
  const country = findCountryByIso2(iso2);
  const en = country?.name ?? iso2;
  // CTDC-only and withdrawn codes (Kosovo's Y1, Yugoslavia…) are not ISO regions: keep CTDC's name.
  const localised = (language: string) => (country?.isCurrentIso ? regionName(language, iso2) ?? en : en);
  return { en, fr: localised('fr'), es: localised('es'), ar: localised('ar') };
}

function country(id: TDimensionId, labels: TLabels): TDimension {
  return {
    id,
    labels,
    kind: 'observed',
    categories: [],
    isValidKey: isCtdcCountryCode,
    labelsOf: countryLabels,
    isGroupable: true,
    isOrdered: false,
  };
}

/** UN M49 regions as CTDC's region table names them; keys are the names in lower case. */
export const UN_REGIONS: readonly TCategory[] = [
  { key: 'africa', labels: { en: 'Africa', fr: 'Afrique', es: 'África', ar: 'أفريقيا' } },
  { key: 'americas', labels: { en: 'Americas', fr: 'Amériques', es: 'Américas', ar: 'الأمريكتان' } },
  { key: 'asia', labels: { en: 'Asia', fr: 'Asie', es: 'Asia', ar: 'آسيا' } },
  { key: 'europe', labels: { en: 'Europe', fr: 'Europe', es: 'Europa', ar: 'أوروبا' } },
  { key: 'oceania', labels: { en: 'Oceania', fr: 'Océanie', es: 'Oceanía', ar: 'أوقيانوسيا' } },
];

const SEX_LABELS: Record<(typeof CTDC_GENDERS)[number], TLabels> = {
  female: { en: 'Female', fr: 'Féminin', es: 'Femenino', ar: 'أنثى' },
  male: { en: 'Male', fr: 'Masculin', es: 'Masculino', ar: 'ذكر' },
  transgenderNonConforming: { en: 'Transgender / non-conforming', fr: 'Transgenre / non conforme', es: 'Transgénero / no conforme', ar: 'متحول جنسياً / غير نمطي' },
};

const MAJORITY_LABELS: Record<(typeof CTDC_MAJORITY)[number], TLabels> = {
  adult: { en: 'Adult', fr: 'Adulte', es: 'Persona adulta', ar: 'بالغ' },
  minor: { en: 'Child', fr: 'Enfant', es: 'Niño o niña', ar: 'طفل' },
};

const FORM_LABELS: Record<(typeof EXPLOITATION_FORMS)[number], TLabels> = {
  sexual: { en: 'Sexual exploitation', fr: 'Exploitation sexuelle', es: 'Explotación sexual', ar: 'الاستغلال الجنسي' },
  labour: { en: 'Forced labour', fr: 'Travail forcé', es: 'Trabajo forzoso', ar: 'العمل القسري' },
  sexualAndLabour: { en: 'Sexual exploitation and forced labour', fr: 'Exploitation sexuelle et travail forcé', es: 'Explotación sexual y trabajo forzoso', ar: 'الاستغلال الجنسي والعمل القسري' },
  forcedMarriage: { en: 'Forced marriage', fr: 'Mariage forcé', es: 'Matrimonio forzado', ar: 'الزواج القسري' },
  other: { en: 'Other forms', fr: 'Autres formes', es: 'Otras formas', ar: 'أشكال أخرى' },
};

const LABOUR_TYPE_LABELS: Record<(typeof LABOUR_TYPES)[number], TLabels> = {
  agriculture: { en: 'Agriculture', fr: 'Agriculture', es: 'Agricultura', ar: 'الزراعة' },
  aquafarming: { en: 'Aquafarming', fr: 'Aquaculture', es: 'Acuicultura', ar: 'الاستزراع المائي' },
  begging: { en: 'Begging', fr: 'Mendicité', es: 'Mendicidad', ar: 'التسول' },
  construction: { en: 'Construction', fr: 'Construction', es: 'Construcción', ar: 'البناء' },
  domesticWork: { en: 'Domestic work', fr: 'Travail domestique', es: 'Trabajo doméstico', ar: 'العمل المنزلي' },
  hospitality: { en: 'Hospitality', fr: 'Hôtellerie et restauration', es: 'Hostelería', ar: 'الضيافة' },
  illicitActivities: { en: 'Illicit activities', fr: 'Activités illicites', es: 'Actividades ilícitas', ar: 'أنشطة غير مشروعة' },
  manufacturing: { en: 'Manufacturing', fr: 'Industrie manufacturière', es: 'Manufactura', ar: 'الصناعة التحويلية' },
  miningOrDrilling: { en: 'Mining or drilling', fr: 'Mines ou forage', es: 'Minería o perforación', ar: 'التعدين أو الحفر' },
  peddling: { en: 'Peddling', fr: 'Colportage', es: 'Venta ambulante', ar: 'البيع المتجول' },
  transportation: { en: 'Transportation', fr: 'Transport', es: 'Transporte', ar: 'النقل' },
  other: { en: 'Other sector', fr: 'Autre secteur', es: 'Otro sector', ar: 'قطاع آخر' },
  notSpecified: { en: 'Sector not specified', fr: 'Secteur non précisé', es: 'Sector no especificado', ar: 'قطاع غير محدد' },
  multiple: { en: 'Several sectors', fr: 'Plusieurs secteurs', es: 'Varios sectores', ar: 'عدة قطاعات' },
};

const DATA_SOURCE_LABELS: Record<(typeof CTDC_DATA_SOURCES)[number], TLabels> = {
  caseManagement: { en: 'Case management', fr: 'Gestion de cas', es: 'Gestión de casos', ar: 'إدارة الحالات' },
  hotline: { en: 'Hotline', fr: 'Ligne d’assistance', es: 'Línea de ayuda', ar: 'الخط الساخن' },
};

const DECISION_KIND_LABELS: TCategory[] = [
  { key: 'RG', labels: { en: 'Reasonable grounds', fr: 'Motifs raisonnables', es: 'Indicios razonables', ar: 'أسباب معقولة' } },
  { key: 'CG', labels: { en: 'Conclusive grounds', fr: 'Motifs concluants', es: 'Motivos concluyentes', ar: 'أسباب قاطعة' } },
];

/** Kinds of support a survivor received (the service delivery log; core/protection/service-taxonomy.ts). */
const SERVICE_KIND_LABELS: TCategory[] = [
  { key: 'shelter', labels: { en: 'Shelter', fr: 'Hébergement', es: 'Alojamiento', ar: 'المأوى' } },
  { key: 'medical', labels: { en: 'Medical care', fr: 'Soins médicaux', es: 'Atención médica', ar: 'الرعاية الطبية' } },
  { key: 'psychological', labels: { en: 'Psychological support', fr: 'Soutien psychologique', es: 'Apoyo psicológico', ar: 'الدعم النفسي' } },
  { key: 'legal_aid', labels: { en: 'Legal aid', fr: 'Aide juridique', es: 'Asistencia jurídica', ar: 'المساعدة القانونية' } },
  { key: 'interpretation', labels: { en: 'Interpretation', fr: 'Interprétation', es: 'Interpretación', ar: 'الترجمة الشفوية' } },
  { key: 'education', labels: { en: 'Education', fr: 'Éducation', es: 'Educación', ar: 'التعليم' } },
  { key: 'employment', labels: { en: 'Employment', fr: 'Emploi', es: 'Empleo', ar: 'التوظيف' } },
  { key: 'housing', labels: { en: 'Housing', fr: 'Logement', es: 'Vivienda', ar: 'السكن' } },
  { key: 'family_tracing', labels: { en: 'Family tracing', fr: 'Recherche familiale', es: 'Búsqueda de familiares', ar: 'البحث عن الأسرة' } },
  { key: 'repatriation_support', labels: { en: 'Repatriation support', fr: 'Aide au rapatriement', es: 'Apoyo a la repatriación', ar: 'دعم العودة إلى الوطن' } },
  { key: 'financial', labels: { en: 'Financial support', fr: 'Aide financière', es: 'Apoyo económico', ar: 'الدعم المالي' } },
];

const DECISION_OUTCOME_LABELS: TCategory[] = [
  { key: 'positive', labels: { en: 'Positive', fr: 'Positive', es: 'Positiva', ar: 'إيجابي' } },
  { key: 'negative', labels: { en: 'Negative', fr: 'Négative', es: 'Negativa', ar: 'سلبي' } },
];

/**
 * One outcome per survivor's latest recovery plan, from its goals' statuses (the best reached):
 * a goal achieved, else a goal in progress, else goals not started, else all paused or stopped.
 */
export const INCLUSION_OUTCOMES: TCategory[] = [
  { key: 'goalAchieved', labels: { en: 'At least one goal achieved', fr: 'Au moins un objectif atteint', es: 'Al menos un objetivo alcanzado', ar: 'تحقق هدف واحد على الأقل' } },
  { key: 'inProgress', labels: { en: 'Goals in progress', fr: 'Objectifs en cours', es: 'Objetivos en curso', ar: 'أهداف قيد التنفيذ' } },
  { key: 'notStarted', labels: { en: 'Goals not started', fr: 'Objectifs non commencés', es: 'Objetivos sin iniciar', ar: 'أهداف لم تبدأ' } },
  { key: 'stopped', labels: { en: 'Goals paused or discontinued', fr: 'Objectifs suspendus ou abandonnés', es: 'Objetivos en pausa o abandonados', ar: 'أهداف متوقفة أو ملغاة' } },
  { key: 'noGoals', labels: { en: 'Plan without goals', fr: 'Plan sans objectif', es: 'Plan sin objetivos', ar: 'خطة بلا أهداف' } },
];

/**
 * Stages of the criminal-justice attrition funnel (persons: suspects), as the justice module's
 * funnel counts them: a person appears once in every stage they reached.
 */
export const JUSTICE_STAGES: TCategory[] = [
  { key: 'suspects', labels: { en: 'Suspects investigated', fr: 'Suspects visés par une enquête', es: 'Sospechosos investigados', ar: 'المشتبه بهم قيد التحقيق' } },
  { key: 'charged', labels: { en: 'Charged', fr: 'Inculpés', es: 'Acusados formalmente', ar: 'الموجهة إليهم تهم' } },
  { key: 'prosecuted', labels: { en: 'Prosecuted', fr: 'Poursuivis', es: 'Procesados', ar: 'الملاحقون قضائياً' } },
  { key: 'convictedTrafficking', labels: { en: 'Convicted of trafficking', fr: 'Condamnés pour traite', es: 'Condenados por trata', ar: 'المدانون بالاتجار' } },
  { key: 'convictedOtherOnly', labels: { en: 'Convicted of another offence only', fr: 'Condamnés pour une autre infraction seulement', es: 'Condenados solo por otro delito', ar: 'المدانون بجريمة أخرى فقط' } },
  { key: 'custodial', labels: { en: 'Sentenced to custody', fr: 'Condamnés à une peine privative de liberté', es: 'Condenados a pena de prisión', ar: 'المحكوم عليهم بالسجن' } },
];

const YEAR = /^\d{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const categoriesOf = <K extends string>(keys: readonly K[], labels: Record<K, TLabels>): TCategory[] =>
  keys.map((key) => ({ key, labels: labels[key] }));

/** Every dimension, by id. */
export const DIMENSIONS: Readonly<Record<TDimensionId, TDimension>> = {
  year: {
    id: 'year',
    labels: { en: 'Year of registration', fr: 'Année d’enregistrement', es: 'Año de registro', ar: 'سنة التسجيل' },
    kind: 'observed',
    categories: [],
    isValidKey: (key) => YEAR.test(key),
    labelsOf: sameInEveryLanguage,
    isGroupable: false,
    isOrdered: true,
  },
  sex: fixed('sex', { en: 'Sex', fr: 'Sexe', es: 'Sexo', ar: 'الجنس' }, categoriesOf(CTDC_GENDERS, SEX_LABELS)),
  ageBand: fixed(
    'ageBand',
    { en: 'Age band', fr: 'Tranche d’âge', es: 'Grupo de edad', ar: 'الفئة العمرية' },
    // CTDC writes 18--20 (a double hyphen, so spreadsheets leave it alone); people read 18–20.
    CTDC_AGE_BANDS.map((key) => ({ key, labels: sameInEveryLanguage(key.replace('--', '–')) })),
    { isOrdered: true },
  ),
  majority: fixed('majority', { en: 'Adult or child', fr: 'Adulte ou enfant', es: 'Persona adulta o menor', ar: 'بالغ أو طفل' }, categoriesOf(CTDC_MAJORITY, MAJORITY_LABELS)),
  exploitationForm: fixed(
    'exploitationForm',
    { en: 'Form of exploitation', fr: 'Forme d’exploitation', es: 'Forma de explotación', ar: 'شكل الاستغلال' },
    categoriesOf(EXPLOITATION_FORMS, FORM_LABELS),
  ),
  labourType: fixed(
    'labourType',
    { en: 'Type of labour', fr: 'Type de travail', es: 'Tipo de trabajo', ar: 'نوع العمل' },
    categoriesOf(LABOUR_TYPES, LABOUR_TYPE_LABELS),
    { isGroupable: true },
  ),
  citizenship: country('citizenship', { en: 'Citizenship', fr: 'Nationalité', es: 'Nacionalidad', ar: 'الجنسية' }),
  countryOfExploitation: country('countryOfExploitation', { en: 'Country of exploitation', fr: 'Pays d’exploitation', es: 'País de explotación', ar: 'بلد الاستغلال' }),
  citizenshipRegion: fixed('citizenshipRegion', { en: 'Region of citizenship', fr: 'Région de nationalité', es: 'Región de nacionalidad', ar: 'منطقة الجنسية' }, UN_REGIONS),
  exploitationRegion: fixed('exploitationRegion', { en: 'Region of exploitation', fr: 'Région d’exploitation', es: 'Región de explotación', ar: 'منطقة الاستغلال' }, UN_REGIONS),
  dataSource: fixed('dataSource', { en: 'Data source', fr: 'Source des données', es: 'Fuente de datos', ar: 'مصدر البيانات' }, categoriesOf(CTDC_DATA_SOURCES, DATA_SOURCE_LABELS)),
  decisionKind: fixed('decisionKind', { en: 'Decision', fr: 'Décision', es: 'Decisión', ar: 'القرار' }, DECISION_KIND_LABELS),
  decisionOutcome: fixed('decisionOutcome', { en: 'Outcome of the decision', fr: 'Issue de la décision', es: 'Resultado de la decisión', ar: 'نتيجة القرار' }, DECISION_OUTCOME_LABELS),
  inclusionOutcome: fixed('inclusionOutcome', { en: 'Recovery plan outcome', fr: 'Résultat du plan de rétablissement', es: 'Resultado del plan de recuperación', ar: 'نتيجة خطة التعافي' }, INCLUSION_OUTCOMES),
  organisation: {
    id: 'organisation',
    labels: { en: 'Organisation', fr: 'Organisation', es: 'Organización', ar: 'المنظمة' },
    kind: 'observed',
    categories: [],
    isValidKey: (key) => UUID.test(key),
    // Keys are organisation ids; the engine replaces these labels with the organisations' names.
    labelsOf: sameInEveryLanguage,
    isGroupable: true,
    isOrdered: false,
  },
  justiceStage: fixed('justiceStage', { en: 'Criminal-justice stage', fr: 'Étape de la chaîne pénale', es: 'Etapa de la justicia penal', ar: 'مرحلة العدالة الجنائية' }, JUSTICE_STAGES, { isOrdered: true }),
  serviceKind: fixed('serviceKind', { en: 'Kind of support', fr: 'Type d’aide', es: 'Tipo de apoyo', ar: 'نوع الدعم' }, SERVICE_KIND_LABELS),
};
