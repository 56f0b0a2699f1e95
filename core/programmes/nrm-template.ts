/**
 * The built-in "NRM effectiveness" programme: a results framework with the ICAT monitoring
 * questions as indicators, computed from the platform's own data wherever the data model holds
 * the answer. Reasons for negative decisions are narrative (sealed text), so their breakdown is
 * a manual indicator fed by case-file reviews; the count of negative decisions is computed.
 * The goal carries the justice outcome as a ratio (convictions per 100 persons identified).
 */
import type { TLabels } from '../metrics/labels.ts';
import type { TIndicatorDefinition, TIndicatorUnit } from './indicators.ts';
import type { TPeriodKind } from './periods.ts';
import type { TIndicatorDirection } from './status.ts';

export interface TTemplateIndicator {
  code: string;
  names: TLabels;
  unit: TIndicatorUnit;
  direction: TIndicatorDirection;
  frequency: TPeriodKind;
  definition: TIndicatorDefinition;
  disaggregations: readonly string[];
}

export interface TTemplateNode {
  code: string;
  titles: TLabels;
  indicators: readonly TTemplateIndicator[];
  outputs?: readonly TTemplateNode[];
}

export interface TProgrammeTemplate {
  id: 'nrm';
  names: TLabels;
  goal: TTemplateNode;
  outcomes: readonly TTemplateNode[];
}

const computed = (metric: string, dimensions: string[] = [], filters: Record<string, (string | null)[]> = {}): TIndicatorDefinition => ({ kind: 'computed', metric, filters, dimensions });

export const NRM_TEMPLATE: TProgrammeTemplate = {
  id: 'nrm',
  names: { en: 'NRM effectiveness', fr: 'Efficacité du MNO', es: 'Eficacia del MNR', ar: 'فعالية آلية الإحالة الوطنية' },
  goal: {
    code: 'G',
    titles: {
      en: 'Victims of trafficking are identified, protected and supported to recover',
      fr: 'Les victimes de la traite sont identifiées, protégées et accompagnées vers le rétablissement',
      es: 'Las víctimas de trata son identificadas, protegidas y apoyadas en su recuperación',
      ar: 'يتم تحديد ضحايا الاتجار وحمايتهم ودعم تعافيهم',
    },
    indicators: [
      {
        code: 'G.1',
        names: { en: 'Convictions for trafficking per 100 persons identified', fr: 'Condamnations pour traite pour 100 personnes identifiées', es: 'Condenas por trata por cada 100 personas identificadas', ar: 'الإدانات بالاتجار لكل 100 شخص محدد' },
        unit: 'number', direction: 'increase', frequency: 'year', disaggregations: [],
        definition: { kind: 'ratio', numerator: { metric: 'justice.funnel', filters: { justiceStage: ['convictedTrafficking'] } }, denominator: { metric: 'cases.identified', filters: {} }, scale: 100 },
      },
    ],
  },
  outcomes: [
    {
      code: 'O1',
      titles: { en: 'Victims are identified and decided on', fr: 'Les victimes sont identifiées et font l’objet d’une décision', es: 'Las víctimas son identificadas y se decide sobre su caso', ar: 'يتم تحديد الضحايا والبت في حالاتهم' },
      indicators: [
        { code: 'O1.1', names: { en: 'Persons referred into the NRM', fr: 'Personnes orientées vers le MNO', es: 'Personas remitidas al MNR', ar: 'الأشخاص المحالون إلى الآلية' }, unit: 'persons', direction: 'increase', frequency: 'year', definition: computed('cases.identified', ['sex']), disaggregations: ['sex'] },
        { code: 'O1.2', names: { en: 'Identification decisions taken', fr: 'Décisions d’identification prises', es: 'Decisiones de identificación adoptadas', ar: 'قرارات تحديد الهوية المتخذة' }, unit: 'decisions', direction: 'increase', frequency: 'year', definition: computed('decisions.all', ['decisionKind']), disaggregations: ['decisionKind'] },
        { code: 'O1.3', names: { en: 'Negative decisions', fr: 'Décisions négatives', es: 'Decisiones negativas', ar: 'القرارات السلبية' }, unit: 'decisions', direction: 'decrease', frequency: 'year', definition: computed('decisions.negative', ['decisionKind']), disaggregations: ['decisionKind'] },
        { code: 'O1.4', names: { en: 'Negative decisions by main reason (case-file review)', fr: 'Décisions négatives par motif principal (revue des dossiers)', es: 'Decisiones negativas por motivo principal (revisión de expedientes)', ar: 'القرارات السلبية حسب السبب الرئيسي (مراجعة الملفات)' }, unit: 'decisions', direction: 'decrease', frequency: 'year', definition: { kind: 'manual' }, disaggregations: ['reason'] },
        { code: 'O1.5', names: { en: 'Share of reasonable-grounds decisions within the target time', fr: 'Part des décisions motifs raisonnables prises dans le délai cible', es: 'Proporción de decisiones de indicios razonables adoptadas en el plazo previsto', ar: 'نسبة قرارات الأسباب المعقولة المتخذة ضمن المهلة المستهدفة' }, unit: 'percent', direction: 'increase', frequency: 'year', definition: computed('decisions.withinTarget', [], { decisionKind: ['RG'] }), disaggregations: [] },
        { code: 'O1.6', names: { en: 'Days from referral to decision (median)', fr: 'Jours entre l’orientation et la décision (médiane)', es: 'Días desde la remisión hasta la decisión (mediana)', ar: 'الأيام من الإحالة إلى القرار (الوسيط)' }, unit: 'days', direction: 'decrease', frequency: 'year', definition: computed('decisions.daysToDecision', ['decisionKind']), disaggregations: ['decisionKind'] },
      ],
      outputs: [
        {
          code: 'O1.a',
          titles: { en: 'Front-line staff trained in identification', fr: 'Personnel de première ligne formé à l’identification', es: 'Personal de primera línea capacitado en identificación', ar: 'تدريب العاملين في الخطوط الأمامية على تحديد الهوية' },
          indicators: [
            { code: 'O1.a.1', names: { en: 'Front-line staff trained', fr: 'Personnel de première ligne formé', es: 'Personal de primera línea capacitado', ar: 'العاملون في الخطوط الأمامية المدربون' }, unit: 'number', direction: 'increase', frequency: 'year', definition: { kind: 'manual' }, disaggregations: ['sector'] },
          ],
        },
      ],
    },
    {
      code: 'O2',
      titles: { en: 'Victims receive support early', fr: 'Les victimes reçoivent une aide rapidement', es: 'Las víctimas reciben asistencia temprana', ar: 'يتلقى الضحايا الدعم مبكراً' },
      indicators: [
        { code: 'O2.1', names: { en: 'Days from identification to support (median)', fr: 'Jours entre l’identification et l’aide (médiane)', es: 'Días desde la identificación hasta la asistencia (mediana)', ar: 'الأيام من تحديد الهوية إلى الدعم (الوسيط)' }, unit: 'days', direction: 'decrease', frequency: 'year', definition: computed('cases.daysToSupport'), disaggregations: [] },
        { code: 'O2.2', names: { en: 'Share of identified persons supported within 7 days', fr: 'Part des personnes identifiées aidées sous 7 jours', es: 'Proporción de personas identificadas asistidas en 7 días', ar: 'نسبة الأشخاص المحددين الذين تلقوا الدعم خلال 7 أيام' }, unit: 'percent', direction: 'increase', frequency: 'year', definition: computed('cases.earlySupport'), disaggregations: [] },
        { code: 'O2.3', names: { en: 'Share of victims sheltered within 7 days of referral', fr: 'Part des victimes hébergées sous 7 jours après l’orientation', es: 'Proporción de víctimas alojadas en los 7 días posteriores a la remisión', ar: 'نسبة الضحايا الذين حصلوا على مأوى خلال 7 أيام من الإحالة' }, unit: 'percent', direction: 'increase', frequency: 'year', definition: computed('cases.shelterWithin7Days'), disaggregations: [] },
      ],
    },
    {
      code: 'O3',
      titles: { en: 'Survivors are included in society over the long term', fr: 'Les survivants sont durablement inclus dans la société', es: 'Las personas sobrevivientes se integran en la sociedad a largo plazo', ar: 'يندمج الناجون في المجتمع على المدى الطويل' },
      indicators: [
        { code: 'O3.1', names: { en: 'Survivors with a recovery-plan goal achieved', fr: 'Survivants ayant atteint un objectif de leur plan', es: 'Sobrevivientes que alcanzaron un objetivo de su plan', ar: 'الناجون الذين حققوا هدفاً من خطة التعافي' }, unit: 'persons', direction: 'increase', frequency: 'year', definition: computed('plans.inclusionOutcome', [], { inclusionOutcome: ['goalAchieved'] }), disaggregations: [] },
        { code: 'O3.2', names: { en: 'Survivors by recovery-plan outcome', fr: 'Survivants selon le résultat du plan', es: 'Sobrevivientes según el resultado del plan', ar: 'الناجون حسب نتيجة الخطة' }, unit: 'persons', direction: 'increase', frequency: 'year', definition: computed('plans.inclusionOutcome', ['inclusionOutcome']), disaggregations: ['inclusionOutcome'] },
      ],
    },
  ],
};
