/**
 * Simple Cyrillic and Arabic → Latin transliteration, so that one person's name recorded from a
 * passport in one agency and from an interview in another lands in the same alphabet before it is
 * compared or encoded. One fixed table per script (BGN/PCGN-like for Cyrillic; a consonantal
 * scheme for Arabic). It does not try to recover the conventional spelling ("Александр" becomes
 * "aleksandr", not "alexander"): the phonetic key in `phonetic.ts` absorbs the rest.
 *
 * Arabic script writes no short vowels, so "محمد" can only become "mhmd"; comparisons therefore
 * use the consonant skeleton, never the spelling alone, for names that may cross scripts.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian and Belarusian letters
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'w',
};

const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh',
  د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'gh',
  ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ى: 'a', ة: 'a', ؤ: 'u', ئ: 'i',
  // Persian and Urdu letters
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
};

const ARABIC_ALEF = new Set(['ا', 'أ', 'إ', 'آ']);
const isArabicLetter = (ch: string): boolean => ch >= '\u0621' && ch <= '\u06ff';

/**
 * Transliterates Cyrillic and Arabic letters in `text` to Latin; every other character is kept.
 * Case is folded to lower case for transliterated letters.
 */
export function transliterateToLatin(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 0x0400 && code <= 0x04ff) {
      const lower = ch.toLowerCase();
      out += CYRILLIC[lower] ?? '';
      continue;
    }
    if (code >= 0x0600 && code <= 0x06ff) {
      out += arabicLetter(chars, i);
      continue;
    }
    out += ch;
  }
  return out;
}

/** Arabic waw/ya are consonants (w, y) at the start of a word or before alef, long vowels elsewhere. */
function arabicLetter(chars: readonly string[], i: number): string {
  const ch = chars[i]!;
  const previous = i > 0 ? chars[i - 1]! : ' ';
  const next = i + 1 < chars.length ? chars[i + 1]! : ' ';
  const isWordStart = !isArabicLetter(previous);
  if (ch === 'و' || ch === 'ي') {
    const consonant = isWordStart || ARABIC_ALEF.has(next);
    if (ch === 'و') return consonant ? 'w' : 'u';
    return consonant ? 'y' : 'i';
  }
  // Ayn is a consonant Latin spellings mostly drop; at the start of a word they write a vowel.
  if (ch === 'ع') return isWordStart ? 'a' : '';
  return ARABIC[ch] ?? '';
}

/** Which script a string is mostly written in (for reporting and tests). */
export function detectScript(text: string): 'latin' | 'cyrillic' | 'arabic' | 'other' {
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x0400 && code <= 0x04ff) cyrillic++;
    else if (code >= 0x0600 && code <= 0x06ff) arabic++;
    else if (/\p{L}/u.test(ch)) latin++;
  }
  const max = Math.max(latin, cyrillic, arabic);
  if (max === 0) return 'other';
  return max === cyrillic ? 'cyrillic' : max === arabic ? 'arabic' : 'latin';
}
