/**
 * PERSISTED REFERENCE DATA: indicator codes are stored with every screening observation.
 * Never renumber or reuse a code; add new codes and retire old ones through a new list version.
 *
 * The indicator concepts of the ILO/EC 2009 lists, keyed by our stable code
 * (`<dimension><nn>`, domain.md a.5). One concept appears in up to four lists with a
 * list-specific weight; its wording is shared, so labels live here once.
 *
 * English follows domain.md a.5 (the brochure's wording as reproduced there). French, Spanish
 * and Arabic are our own translations, not the ILO's official language editions: correct them
 * here as data when the official texts are loaded.
 */
import type { TLabels } from '../labels.ts';

const CONFISCATION_OF_DOCUMENTS: TLabels = {
  en: 'Confiscation of documents',
  fr: 'Confiscation des documents',
  es: 'Confiscación de documentos',
  ar: 'مصادرة الوثائق',
};
const DEBT_BONDAGE: TLabels = {
  en: 'Debt bondage',
  fr: 'Servitude pour dettes',
  es: 'Servidumbre por deudas',
  ar: 'عبودية الدَّين',
};
const ISOLATION: TLabels = {
  en: 'Isolation, confinement or surveillance',
  fr: 'Isolement, confinement ou surveillance',
  es: 'Aislamiento, confinamiento o vigilancia',
  ar: 'العزل أو الحبس أو المراقبة',
};
const VIOLENCE_ON_VICTIMS: TLabels = {
  en: 'Violence on victims',
  fr: 'Violences exercées sur les victimes',
  es: 'Violencia contra las víctimas',
  ar: 'العنف ضد الضحايا',
};
const THREAT_OF_DENUNCIATION: TLabels = {
  en: 'Threat of denunciation to authorities',
  fr: 'Menace de dénonciation aux autorités',
  es: 'Amenaza de denuncia ante las autoridades',
  ar: 'التهديد بالإبلاغ عن الضحية لدى السلطات',
};
const THREATS_OF_VIOLENCE: TLabels = {
  en: 'Threats of violence against victim',
  fr: 'Menaces de violence contre la victime',
  es: 'Amenazas de violencia contra la víctima',
  ar: 'التهديد بممارسة العنف ضد الضحية',
};
const THREATS_TO_INFORM: TLabels = {
  en: 'Threats to inform family, community or public',
  fr: "Menaces d'informer la famille, la communauté ou le public",
  es: 'Amenazas de informar a la familia, la comunidad o el público',
  ar: 'التهديد بإبلاغ الأسرة أو المجتمع المحلي أو العموم',
};
const VIOLENCE_ON_FAMILY: TLabels = {
  en: 'Violence on family (threats or effective)',
  fr: 'Violences contre la famille (menaces ou actes)',
  es: 'Violencia contra la familia (amenazas o hechos)',
  ar: 'العنف ضد الأسرة (تهديدًا أو فعلًا)',
};
const ECONOMIC_REASONS: TLabels = {
  en: 'Economic reasons',
  fr: 'Raisons économiques',
  es: 'Razones económicas',
  ar: 'أسباب اقتصادية',
};
const FAMILY_SITUATION: TLabels = {
  en: 'Family situation',
  fr: 'Situation familiale',
  es: 'Situación familiar',
  ar: 'الوضع العائلي',
};
const RELATIONSHIP_WITH_AUTHORITIES: TLabels = {
  en: 'Relationship with authorities/legal status',
  fr: 'Relations avec les autorités / statut juridique',
  es: 'Relación con las autoridades / situación jurídica',
  ar: 'العلاقة مع السلطات / الوضع القانوني',
};
const DIFFICULTIES_IN_THE_PAST: TLabels = {
  en: 'Difficulties in the past',
  fr: 'Difficultés passées',
  es: 'Dificultades en el pasado',
  ar: 'صعوبات في الماضي',
};

export const INDICATOR_CATALOGUE = {
  // DR — Deceptive recruitment
  DR01: {
    en: 'Deceived about the nature of the job, location or employer',
    fr: "Tromperie sur la nature du travail, le lieu ou l'employeur",
    es: 'Engaño sobre la naturaleza del trabajo, el lugar o el empleador',
    ar: 'الخداع بشأن طبيعة العمل أو مكانه أو صاحب العمل',
  },
  DR02: {
    en: 'Deceived about conditions of work',
    fr: 'Tromperie sur les conditions de travail',
    es: 'Engaño sobre las condiciones de trabajo',
    ar: 'الخداع بشأن ظروف العمل',
  },
  DR03: {
    en: 'Deceived about content or legality of work contract',
    fr: 'Tromperie sur le contenu ou la légalité du contrat de travail',
    es: 'Engaño sobre el contenido o la legalidad del contrato de trabajo',
    ar: 'الخداع بشأن مضمون عقد العمل أو مشروعيته',
  },
  DR04: {
    en: 'Deceived about family reunification',
    fr: 'Tromperie sur le regroupement familial',
    es: 'Engaño sobre la reunificación familiar',
    ar: 'الخداع بشأن لمّ شمل الأسرة',
  },
  DR05: {
    en: 'Deceived about housing and living conditions',
    fr: 'Tromperie sur le logement et les conditions de vie',
    es: 'Engaño sobre la vivienda y las condiciones de vida',
    ar: 'الخداع بشأن السكن وظروف المعيشة',
  },
  DR06: {
    en: 'Deceived about legal documentation or obtaining legal migrant status',
    fr: "Tromperie sur les documents officiels ou l'obtention d'un statut légal de migrant",
    es: 'Engaño sobre la documentación legal o la obtención de un estatus migratorio legal',
    ar: 'الخداع بشأن الوثائق القانونية أو الحصول على وضع قانوني كمهاجر',
  },
  DR07: {
    en: 'Deceived about travel and recruitment conditions',
    fr: 'Tromperie sur les conditions du voyage et du recrutement',
    es: 'Engaño sobre las condiciones del viaje y de la contratación',
    ar: 'الخداع بشأن ظروف السفر والتوظيف',
  },
  DR08: {
    en: 'Deceived about wages/earnings',
    fr: 'Tromperie sur le salaire ou les gains',
    es: 'Engaño sobre el salario o los ingresos',
    ar: 'الخداع بشأن الأجور أو المكاسب',
  },
  DR09: {
    en: 'Deceived through promises of marriage or adoption',
    fr: "Tromperie par des promesses de mariage ou d'adoption",
    es: 'Engaño mediante promesas de matrimonio o adopción',
    ar: 'الخداع بوعود الزواج أو التبنّي',
  },
  DR10: {
    en: 'Deceived about access to education opportunities',
    fr: "Tromperie sur l'accès à des possibilités d'éducation",
    es: 'Engaño sobre el acceso a oportunidades educativas',
    ar: 'الخداع بشأن إتاحة فرص التعليم',
  },

  // CR — Coercive recruitment
  CR01: VIOLENCE_ON_VICTIMS,
  CR02: {
    en: 'Abduction, forced marriage, forced adoption or selling of victim',
    fr: 'Enlèvement, mariage forcé, adoption forcée ou vente de la victime',
    es: 'Secuestro, matrimonio forzado, adopción forzada o venta de la víctima',
    ar: 'الاختطاف أو الزواج القسري أو التبنّي القسري أو بيع الضحية',
  },
  CR03: CONFISCATION_OF_DOCUMENTS,
  CR04: DEBT_BONDAGE,
  CR05: ISOLATION,
  CR06: THREAT_OF_DENUNCIATION,
  CR07: THREATS_OF_VIOLENCE,
  CR08: THREATS_TO_INFORM,
  CR09: VIOLENCE_ON_FAMILY,
  CR10: {
    en: 'Withholding of money',
    fr: "Rétention d'argent",
    es: 'Retención de dinero',
    ar: 'حجز الأموال',
  },

  // RV — Recruitment by abuse of vulnerability
  RV01: {
    en: 'Abuse of difficult family situation',
    fr: "Abus d'une situation familiale difficile",
    es: 'Abuso de una situación familiar difícil',
    ar: 'استغلال وضع عائلي صعب',
  },
  RV02: {
    en: 'Abuse of illegal status',
    fr: 'Abus de la situation irrégulière',
    es: 'Abuso de la situación irregular',
    ar: 'استغلال الوضع غير القانوني',
  },
  RV03: {
    en: 'Abuse of lack of education (language)',
    fr: "Abus du manque d'instruction (langue)",
    es: 'Abuso de la falta de educación (idioma)',
    ar: 'استغلال نقص التعليم (اللغة)',
  },
  RV04: {
    en: 'Abuse of lack of information',
    fr: "Abus du manque d'information",
    es: 'Abuso de la falta de información',
    ar: 'استغلال نقص المعلومات',
  },
  RV05: {
    en: 'Control of exploiters',
    fr: 'Contrôle exercé par les exploiteurs',
    es: 'Control por parte de los explotadores',
    ar: 'سيطرة المستغِلّين',
  },
  RV06: ECONOMIC_REASONS,
  RV07: {
    en: 'False information about law, attitude of authorities',
    fr: "Fausses informations sur la loi ou l'attitude des autorités",
    es: 'Información falsa sobre la ley o la actitud de las autoridades',
    ar: 'معلومات كاذبة عن القانون أو موقف السلطات',
  },
  RV08: {
    en: 'False information about successful migration',
    fr: 'Fausses informations sur la réussite de la migration',
    es: 'Información falsa sobre una migración exitosa',
    ar: 'معلومات كاذبة عن نجاح الهجرة',
  },
  RV09: FAMILY_SITUATION,
  RV10: {
    en: 'Personal situation',
    fr: 'Situation personnelle',
    es: 'Situación personal',
    ar: 'الوضع الشخصي',
  },
  RV11: {
    en: 'Psychological and emotional dependency',
    fr: 'Dépendance psychologique et affective',
    es: 'Dependencia psicológica y emocional',
    ar: 'التبعية النفسية والعاطفية',
  },
  RV12: RELATIONSHIP_WITH_AUTHORITIES,
  RV13: {
    en: 'Abuse of cultural/religious beliefs',
    fr: 'Abus des croyances culturelles ou religieuses',
    es: 'Abuso de creencias culturales o religiosas',
    ar: 'استغلال المعتقدات الثقافية أو الدينية',
  },
  RV14: DIFFICULTIES_IN_THE_PAST,
  RV15: {
    en: 'Difficulty to organise the travel',
    fr: 'Difficulté à organiser le voyage',
    es: 'Dificultad para organizar el viaje',
    ar: 'صعوبة تنظيم السفر',
  },
  RV16: {
    en: 'General context',
    fr: 'Contexte général',
    es: 'Contexto general',
    ar: 'السياق العام',
  },

  // EX — Exploitative conditions of work
  EX01: {
    en: 'Excessive working days or hours',
    fr: 'Journées ou heures de travail excessives',
    es: 'Jornadas u horas de trabajo excesivas',
    ar: 'أيام أو ساعات عمل مفرطة',
  },
  EX02: {
    en: 'Bad living conditions',
    fr: 'Mauvaises conditions de vie',
    es: 'Malas condiciones de vida',
    ar: 'ظروف معيشية سيئة',
  },
  EX03: {
    en: 'Hazardous work',
    fr: 'Travail dangereux',
    es: 'Trabajo peligroso',
    ar: 'عمل خطِر',
  },
  EX04: {
    en: 'Low or no salary',
    fr: 'Salaire faible ou inexistant',
    es: 'Salario bajo o inexistente',
    ar: 'أجر منخفض أو انعدام الأجر',
  },
  EX05: {
    en: 'No respect of labour laws or contract signed',
    fr: 'Non-respect du droit du travail ou du contrat signé',
    es: 'Incumplimiento de la legislación laboral o del contrato firmado',
    ar: 'عدم احترام قوانين العمل أو العقد الموقَّع',
  },
  EX06: {
    en: 'No social protection (contract, social insurance, etc.)',
    fr: 'Absence de protection sociale (contrat, assurance sociale, etc.)',
    es: 'Falta de protección social (contrato, seguro social, etc.)',
    ar: 'انعدام الحماية الاجتماعية (العقد، التأمين الاجتماعي، إلخ)',
  },
  EX07: {
    en: 'Very bad working conditions',
    fr: 'Très mauvaises conditions de travail',
    es: 'Condiciones de trabajo muy malas',
    ar: 'ظروف عمل سيئة جدًا',
  },
  EX08: {
    en: 'Wage manipulation',
    fr: 'Manipulation des salaires',
    es: 'Manipulación del salario',
    ar: 'التلاعب بالأجور',
  },
  EX09: {
    en: 'No access to education',
    fr: "Absence d'accès à l'éducation",
    es: 'Falta de acceso a la educación',
    ar: 'انعدام الوصول إلى التعليم',
  },

  // CD — Coercion at destination
  CD01: CONFISCATION_OF_DOCUMENTS,
  CD02: DEBT_BONDAGE,
  CD03: ISOLATION,
  CD04: VIOLENCE_ON_VICTIMS,
  CD05: {
    en: 'Forced into illicit/criminal activities',
    fr: 'Contrainte à des activités illicites ou criminelles',
    es: 'Obligación de realizar actividades ilícitas o delictivas',
    ar: 'الإكراه على أنشطة غير مشروعة أو إجرامية',
  },
  CD06: {
    en: 'Forced tasks or clients',
    fr: 'Tâches ou clients imposés',
    es: 'Tareas o clientes impuestos',
    ar: 'فرض مهام أو زبائن بالإكراه',
  },
  CD07: {
    en: 'Forced to act against peers',
    fr: "Contrainte d'agir contre ses pairs",
    es: 'Obligación de actuar contra sus compañeros',
    ar: 'الإكراه على العمل ضد الأقران',
  },
  CD08: {
    en: 'Forced to lie to authorities, family, etc.',
    fr: 'Contrainte de mentir aux autorités, à la famille, etc.',
    es: 'Obligación de mentir a las autoridades, a la familia, etc.',
    ar: 'الإكراه على الكذب على السلطات أو الأسرة وغيرها',
  },
  CD09: THREAT_OF_DENUNCIATION,
  CD10: {
    en: 'Threat to impose even worse working conditions',
    fr: "Menace d'imposer des conditions de travail encore pires",
    es: 'Amenaza de imponer condiciones de trabajo aún peores',
    ar: 'التهديد بفرض ظروف عمل أسوأ',
  },
  CD11: THREATS_OF_VIOLENCE,
  CD12: {
    en: 'Under strong influence',
    fr: 'Sous forte emprise',
    es: 'Bajo fuerte influencia',
    ar: 'الخضوع لتأثير قوي',
  },
  CD13: VIOLENCE_ON_FAMILY,
  CD14: {
    en: 'Withholding of wages',
    fr: 'Rétention des salaires',
    es: 'Retención de salarios',
    ar: 'حجز الأجور',
  },
  CD15: THREATS_TO_INFORM,

  // VD — Abuse of vulnerability at destination
  VD01: {
    en: 'Dependency on exploiters',
    fr: 'Dépendance envers les exploiteurs',
    es: 'Dependencia de los explotadores',
    ar: 'الاعتماد على المستغِلّين',
  },
  VD02: {
    en: 'Difficulty to live in an unknown area',
    fr: 'Difficulté à vivre dans un lieu inconnu',
    es: 'Dificultad para vivir en un lugar desconocido',
    ar: 'صعوبة العيش في مكان غير مألوف',
  },
  VD03: ECONOMIC_REASONS,
  VD04: FAMILY_SITUATION,
  VD05: RELATIONSHIP_WITH_AUTHORITIES,
  VD06: DIFFICULTIES_IN_THE_PAST,
  VD07: {
    en: 'Personal characteristics',
    fr: 'Caractéristiques personnelles',
    es: 'Características personales',
    ar: 'الخصائص الشخصية',
  },
} as const satisfies Record<string, TLabels>;

export type TIndicatorCode = keyof typeof INDICATOR_CATALOGUE;
