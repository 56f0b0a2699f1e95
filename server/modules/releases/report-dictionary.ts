/**
 * The words of release files (CSV headers, workbook sheets, PDF report) in the four languages.
 * Metric, dimension and category labels come from the metric catalog; this holds the rest.
 */
import type { TReleaseLanguage } from './releases.schemas.ts';

const WORDS = {
  table: { en: 'Table', fr: 'Tableau', es: 'Cuadro', ar: 'جدول' },
  metric: { en: 'Metric', fr: 'Indicateur', es: 'Indicador', ar: 'المؤشر' },
  dimension: { en: 'Dimension', fr: 'Dimension', es: 'Dimensión', ar: 'البعد' },
  category: { en: 'Category', fr: 'Catégorie', es: 'Categoría', ar: 'الفئة' },
  value: { en: 'Value', fr: 'Valeur', es: 'Valor', ar: 'القيمة' },
  status: { en: 'Status', fr: 'Statut', es: 'Estado', ar: 'الحالة' },
  total: { en: 'Total', fr: 'Total', es: 'Total', ar: 'المجموع' },
  all: { en: 'All', fr: 'Tous', es: 'Todos', ar: 'الكل' },
  suppressedPrimary: { en: 'suppressed: small count', fr: 'masqué : petit effectif', es: 'suprimido: recuento pequeño', ar: 'محجوب: عدد صغير' },
  suppressedSecondary: { en: 'suppressed: protects another cell', fr: 'masqué : protège une autre case', es: 'suprimido: protege otra celda', ar: 'محجوب: لحماية خلية أخرى' },
  suppressedMark: { en: 'x', fr: 'x', es: 'x', ar: 'x' },
  legend: { en: 'x = suppressed', fr: 'x = masqué', es: 'x = suprimido', ar: 'x = محجوب' },
  draft: { en: 'DRAFT — not approved, not for publication', fr: 'BROUILLON — non approuvé, à ne pas publier', es: 'BORRADOR — no aprobado, no publicar', ar: 'مسودة — غير معتمدة، ليست للنشر' },
  release: { en: 'Release', fr: 'Publication', es: 'Publicación', ar: 'الإصدار' },
  preparedAt: { en: 'Prepared', fr: 'Préparée le', es: 'Preparada el', ar: 'تاريخ الإعداد' },
  publishedAt: { en: 'Published', fr: 'Publiée le', es: 'Publicada el', ar: 'تاريخ النشر' },
  datasets: { en: 'Datasets (CTDC imports)', fr: 'Jeux de données (imports CTDC)', es: 'Conjuntos de datos (importaciones CTDC)', ar: 'مجموعات البيانات (واردات CTDC)' },
  filters: { en: 'Filters', fr: 'Filtres', es: 'Filtros', ar: 'عوامل التصفية' },
  none: { en: 'none', fr: 'aucun', es: 'ninguno', ar: 'لا شيء' },
  method: { en: 'Disclosure control', fr: 'Contrôle de la divulgation', es: 'Control de divulgación', ar: 'ضبط الإفصاح' },
  methodology: { en: 'Methodology', fr: 'Méthodologie', es: 'Metodología', ar: 'المنهجية' },
  privacySpent: { en: 'Privacy budget spent', fr: 'Budget de confidentialité dépensé', es: 'Presupuesto de privacidad gastado', ar: 'ميزانية الخصوصية المستهلكة' },
  rowsKept: { en: 'Records kept', fr: 'Enregistrements conservés', es: 'Registros conservados', ar: 'السجلات المحتفظ بها' },
  rowsSuppressed: { en: 'Records left out', fr: 'Enregistrements écartés', es: 'Registros excluidos', ar: 'السجلات المستبعدة' },
  informationLoss: { en: 'Information lost (loss metric, 0–1)', fr: 'Information perdue (mesure de perte, 0–1)', es: 'Información perdida (métrica de pérdida, 0–1)', ar: 'المعلومات المفقودة (مقياس الفقد، 0–1)' },
  generalisation: { en: 'Generalisation level per quasi-identifier (0 = as recorded)', fr: 'Niveau de généralisation par quasi-identifiant (0 = tel qu’enregistré)', es: 'Nivel de generalización por cuasi-identificador (0 = tal como se registró)', ar: 'مستوى التعميم لكل معرّف شبه تعريفي (0 = كما سُجّل)' },
  smallestGroup: { en: 'Smallest group of identical quasi-identifiers', fr: 'Plus petit groupe de quasi-identifiants identiques', es: 'Grupo más pequeño de cuasi-identificadores idénticos', ar: 'أصغر مجموعة من المعرفات شبه التعريفية المتطابقة' },
  by: { en: 'by', fr: 'par', es: 'por', ar: 'حسب' },
} as const;

export type TWord = keyof typeof WORDS;

export function word(language: TReleaseLanguage, key: TWord): string {
  return WORDS[key][language];
}

/** Methodology paragraphs per method; `{…}` placeholders are filled from the release parameters. */
const METHODOLOGY = {
  suppression: {
    en: 'Counts below {threshold} are suppressed (primary suppression). Further cells are suppressed (secondary suppression) so that no suppressed count can be recovered from the published row and column totals; this was verified exactly by linear programming over the whole table. Zeros are treated as small counts.',
    fr: 'Les effectifs inférieurs à {threshold} sont masqués (masquage primaire). D’autres cases sont masquées (masquage secondaire) afin qu’aucun effectif masqué ne puisse être retrouvé à partir des totaux publiés des lignes et des colonnes ; ce point a été vérifié exactement par programmation linéaire sur l’ensemble du tableau. Les zéros sont traités comme de petits effectifs.',
    es: 'Los recuentos inferiores a {threshold} se suprimen (supresión primaria). Se suprimen otras celdas (supresión secundaria) para que ningún recuento suprimido pueda recuperarse a partir de los totales publicados de filas y columnas; esto se verificó de forma exacta mediante programación lineal sobre todo el cuadro. Los ceros se tratan como recuentos pequeños.',
    ar: 'تُحجب الأعداد التي تقل عن {threshold} (الحجب الأولي). وتُحجب خلايا أخرى (الحجب الثانوي) بحيث لا يمكن استنتاج أي عدد محجوب من مجاميع الصفوف والأعمدة المنشورة؛ وقد تم التحقق من ذلك بدقة بالبرمجة الخطية على الجدول بأكمله. وتُعامل الأصفار كأعداد صغيرة.',
  },
  rounding: {
    en: 'Every count and total is rounded to a multiple of {base} by controlled rounding: each value moves to one of its two neighbouring multiples, multiples of {base} (zeros included) are unchanged, and rows and columns still add up to their rounded totals.',
    fr: 'Chaque effectif et chaque total est arrondi à un multiple de {base} par arrondi contrôlé : chaque valeur passe à l’un des deux multiples voisins, les multiples de {base} (y compris les zéros) sont inchangés, et les lignes et colonnes restent égales à leurs totaux arrondis.',
    es: 'Cada recuento y cada total se redondea a un múltiplo de {base} mediante redondeo controlado: cada valor pasa a uno de sus dos múltiplos vecinos, los múltiplos de {base} (incluidos los ceros) no cambian, y las filas y columnas siguen sumando sus totales redondeados.',
    ar: 'يُقرَّب كل عدد وكل مجموع إلى مضاعف للعدد {base} بالتقريب المضبوط: تنتقل كل قيمة إلى أحد المضاعفين المجاورين، وتبقى مضاعفات {base} (بما فيها الأصفار) دون تغيير، وتظل الصفوف والأعمدة مساوية لمجاميعها المقرَّبة.',
  },
  discreteLaplace: {
    en: 'Differential privacy: every cell received independent discrete Laplace noise, sampled exactly from the system’s cryptographic random source (no floating-point noise), for a total privacy loss of ε = {epsilon} over the {tables} table(s). Negative noisy counts were set to 0 and every total is the sum of its published cells, so the tables are non-negative whole numbers that add up. Small counts are therefore not exact; that is intended.',
    fr: 'Confidentialité différentielle : chaque case a reçu un bruit de Laplace discret indépendant, tiré exactement de la source aléatoire cryptographique du système (aucun bruit en virgule flottante), pour une perte de confidentialité totale ε = {epsilon} sur {tables} tableau(x). Les effectifs bruités négatifs ont été ramenés à 0 et chaque total est la somme de ses cases publiées : les tableaux sont des entiers positifs ou nuls qui s’additionnent. Les petits effectifs ne sont donc pas exacts ; c’est voulu.',
    es: 'Privacidad diferencial: cada celda recibió ruido de Laplace discreto independiente, muestreado de forma exacta de la fuente aleatoria criptográfica del sistema (sin ruido de coma flotante), con una pérdida total de privacidad ε = {epsilon} en {tables} cuadro(s). Los recuentos negativos se llevaron a 0 y cada total es la suma de sus celdas publicadas, de modo que los cuadros son enteros no negativos que suman correctamente. Por ello los recuentos pequeños no son exactos, de forma intencionada.',
    ar: 'الخصوصية التفاضلية: أُضيف إلى كل خلية ضجيج لابلاس منفصل مستقل، سُحب بدقة من المصدر العشوائي التشفيري للنظام (دون ضجيج بفاصلة عائمة)، بخسارة خصوصية إجمالية ε = {epsilon} على {tables} جدول. وجُعلت الأعداد السالبة صفراً، وكل مجموع هو حاصل جمع خلاياه المنشورة، فالجداول أعداد صحيحة غير سالبة ومتسقة. لذلك فإن الأعداد الصغيرة ليست دقيقة، وهذا مقصود.',
  },
  discreteGaussian: {
    en: 'Differential privacy: every cell received independent discrete Gaussian noise, sampled exactly from the system’s cryptographic random source (no floating-point noise), for a total privacy loss of ε = {epsilon}, δ = {delta} over the {tables} table(s) (through zero-concentrated differential privacy). Negative noisy counts were set to 0 and every total is the sum of its published cells, so the tables are non-negative whole numbers that add up. Small counts are therefore not exact; that is intended.',
    fr: 'Confidentialité différentielle : chaque case a reçu un bruit gaussien discret indépendant, tiré exactement de la source aléatoire cryptographique du système (aucun bruit en virgule flottante), pour une perte de confidentialité totale ε = {epsilon}, δ = {delta} sur {tables} tableau(x) (par la confidentialité différentielle concentrée en zéro). Les effectifs bruités négatifs ont été ramenés à 0 et chaque total est la somme de ses cases publiées : les tableaux sont des entiers positifs ou nuls qui s’additionnent. Les petits effectifs ne sont donc pas exacts ; c’est voulu.',
    es: 'Privacidad diferencial: cada celda recibió ruido gaussiano discreto independiente, muestreado de forma exacta de la fuente aleatoria criptográfica del sistema (sin ruido de coma flotante), con una pérdida total de privacidad ε = {epsilon}, δ = {delta} en {tables} cuadro(s) (mediante privacidad diferencial concentrada en cero). Los recuentos negativos se llevaron a 0 y cada total es la suma de sus celdas publicadas, de modo que los cuadros son enteros no negativos que suman correctamente. Por ello los recuentos pequeños no son exactos, de forma intencionada.',
    ar: 'الخصوصية التفاضلية: أُضيف إلى كل خلية ضجيج غاوسي منفصل مستقل، سُحب بدقة من المصدر العشوائي التشفيري للنظام (دون ضجيج بفاصلة عائمة)، بخسارة خصوصية إجمالية ε = {epsilon} و δ = {delta} على {tables} جدول (عبر الخصوصية التفاضلية المركّزة عند الصفر). وجُعلت الأعداد السالبة صفراً، وكل مجموع هو حاصل جمع خلاياه المنشورة، فالجداول أعداد صحيحة غير سالبة ومتسقة. لذلك فإن الأعداد الصغيرة ليست دقيقة، وهذا مقصود.',
  },
  kAnonymity: {
    en: 'Record-level file in CTDC’s own column layout. Every combination of the quasi-identifiers (year of registration, sex, age band, citizenship, country of exploitation, form of exploitation) is shared by at least {k} records: values were generalised (years to periods, age bands to wider bands, countries to UN sub-regions or regions, forms to broader forms; * = any) and records in smaller groups were left out (at most {maxSuppressionPercent} %). Where the form of exploitation is generalised, the exploitation flags of that record are left empty.',
    fr: 'Fichier de données individuelles dans la disposition des colonnes de CTDC. Chaque combinaison des quasi-identifiants (année d’enregistrement, sexe, tranche d’âge, nationalité, pays d’exploitation, forme d’exploitation) est partagée par au moins {k} enregistrements : les valeurs ont été généralisées (années en périodes, tranches d’âge élargies, pays en sous-régions ou régions de l’ONU, formes élargies ; * = toute valeur) et les enregistrements des groupes plus petits ont été écartés (au plus {maxSuppressionPercent} %). Lorsque la forme d’exploitation est généralisée, les indicateurs d’exploitation de l’enregistrement sont laissés vides.',
    es: 'Archivo de registros individuales con la disposición de columnas de CTDC. Cada combinación de los cuasi-identificadores (año de registro, sexo, grupo de edad, nacionalidad, país de explotación, forma de explotación) la comparten al menos {k} registros: los valores se generalizaron (años a periodos, grupos de edad más amplios, países a subregiones o regiones de la ONU, formas más amplias; * = cualquiera) y se excluyeron los registros de grupos más pequeños (como máximo el {maxSuppressionPercent} %). Cuando la forma de explotación se generaliza, los indicadores de explotación del registro quedan vacíos.',
    ar: 'ملف سجلات فردية بترتيب أعمدة CTDC نفسه. كل تركيبة من المعرفات شبه التعريفية (سنة التسجيل، الجنس، الفئة العمرية، الجنسية، بلد الاستغلال، شكل الاستغلال) يشترك فيها {k} سجلاً على الأقل: عُمّمت القيم (السنوات إلى فترات، والفئات العمرية إلى فئات أوسع، والبلدان إلى مناطق فرعية أو مناطق الأمم المتحدة، والأشكال إلى أشكال أعم؛ * = أي قيمة) واستُبعدت سجلات المجموعات الأصغر (بحد أقصى {maxSuppressionPercent} %). وعندما يُعمَّم شكل الاستغلال تُترك مؤشرات الاستغلال في ذلك السجل فارغة.',
  },
} as const;

export type TMethodologyKey = keyof typeof METHODOLOGY;

export function methodology(language: TReleaseLanguage, key: TMethodologyKey, values: Readonly<Record<string, string | number>>): string {
  return METHODOLOGY[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Names of the methods as the report shows them. */
export const METHOD_NAMES = {
  suppression: { en: 'Small-cell suppression with secondary suppression', fr: 'Masquage des petits effectifs avec masquage secondaire', es: 'Supresión de celdas pequeñas con supresión secundaria', ar: 'حجب الخلايا الصغيرة مع الحجب الثانوي' },
  rounding: { en: 'Controlled rounding', fr: 'Arrondi contrôlé', es: 'Redondeo controlado', ar: 'التقريب المضبوط' },
  differentialPrivacy: { en: 'Differential privacy', fr: 'Confidentialité différentielle', es: 'Privacidad diferencial', ar: 'الخصوصية التفاضلية' },
  kAnonymity: { en: 'k-anonymity (generalisation and suppression)', fr: 'k-anonymat (généralisation et suppression)', es: 'k-anonimato (generalización y supresión)', ar: 'إخفاء الهوية k (التعميم والحذف)' },
} as const;
