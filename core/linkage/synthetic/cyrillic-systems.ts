/**
 * Transliteration systems that produce the Latin spellings of Cyrillic names found in real
 * documents: ICAO 9303 (passports since 2013), BGN/PCGN (English-language press and older
 * passports), German and French conventions (visas and residence permits issued there), and a
 * "simple" keyboard spelling. The generator renders one name through different systems to make
 * realistic transliteration variants; the linkage side never sees these tables.
 */

const BASE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u',
};

export const CYRILLIC_SYSTEMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  icao: { ...BASE, й: 'i', ъ: 'ie', ю: 'iu', я: 'ia', є: 'ie', ї: 'i' },
  bgn: { ...BASE, ё: 'yo', initialE: 'ye' },
  german: { ...BASE, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo', є: 'je', ї: 'ji', initialE: 'je' },
  french: { ...BASE, ж: 'j', й: 'i', у: 'ou', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia', ё: 'io' },
  simple: { ...BASE, х: 'h', ц: 'c', й: 'j', ю: 'ju', я: 'ja', щ: 'sch' },
};

export const CYRILLIC_SYSTEM_NAMES = Object.keys(CYRILLIC_SYSTEMS) as readonly string[];

const VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'є', 'і', 'ї', 'ь', 'ъ']);

/** Renders a Cyrillic name in Latin with one system, keeping the capital letter of each word. */
export function romaniseCyrillic(text: string, system: string): string {
  const table = CYRILLIC_SYSTEMS[system] ?? CYRILLIC_SYSTEMS.bgn!;
  let out = '';
  let previous = ' ';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    let latin = table[lower];
    if (latin === undefined) {
      out += ch;
      previous = ch;
      continue;
    }
    // BGN and German write "ye"/"je" for е at the start of a word or after a vowel ("Yelena").
    if (lower === 'е' && table.initialE !== undefined && (previous === ' ' || previous === '-' || VOWELS.has(previous.toLowerCase()))) latin = table.initialE;
    if (ch !== lower && latin.length > 0) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
    previous = ch;
  }
  return out;
}

/** The feminine form of a Russian surname (Иванов → Иванова, Хмельницкий → Хмельницкая). */
export function feminineCyrillicSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return surname + 'а';
  if (/ский$/.test(surname)) return surname.slice(0, -4) + 'ская';
  if (/цкий$/.test(surname)) return surname.slice(0, -4) + 'цкая';
  return surname;
}
