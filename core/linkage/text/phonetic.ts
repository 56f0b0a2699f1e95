/**
 * A phonetic key for names after transliteration: the consonant skeleton, with letters grouped by
 * the confusions that transliteration and hearing produce. It is built for the variants that
 * trafficking data actually holds — "Mohammed / Muhammad / Mohamed / محمد", "Aleksandr /
 * Alexander / Олександр", "Yusuf / Youssef / Iosif", "Ivanov / Ivanoff / Iwanow" — and is coarser
 * than Soundex about vowels (Arabic script writes none) but finer about consonants.
 *
 * Steps on a normalised token (a–z only): digraphs to one class letter (sh/ch/sch/tch/zh/dzh/dj/j
 * → X, because Cyrillic ж is written zh, j or sch and ш sh, ch or sch depending on the system; kh/h → H, gh → G, ph/f/v/w → F, th/dh/d/t → T, ts/tz/s/z → S, c/k/q/ck → K,
 * x → KS, b/p → P); vowels (with y) dropped, except that a token opening with vowels starts with
 * one 'A'; a final 'h' after a vowel is dropped; repeated class letters collapse unless a vowel
 * separates them. At most {@link MAX_KEY_LENGTH} letters are kept.
 */

export const MAX_KEY_LENGTH = 8;

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Phonetic key of one normalised token ('' for an empty token). */
export function phoneticKeyOfToken(token: string): string {
  const s = token;
  const n = s.length;
  let out = '';
  let last = '';
  const emit = (code: string) => {
    for (const c of code) {
      if (c !== last) out += c;
      last = c;
    }
  };
  let i = 0;
  if (n > 0 && VOWELS.has(s[0]!)) {
    // "Iosif", "Yusuf", "Aleksandr", "Oleksandr": the opening vowel sound is one class.
    emit('A');
    i = 1;
    while (i < n && VOWELS.has(s[i]!)) i++;
  }
  while (i < n) {
    const ch = s[i]!;
    const rest = (k: number): string => s.slice(i, i + k);
    if (VOWELS.has(ch)) {
      last = ''; // a vowel separates repeated consonants ("mama" keeps two M)
      i++;
      continue;
    }
    if (rest(4) === 'shch' || rest(4) === 'tsch') { emit('X'); i += 4; continue; }
    if (rest(3) === 'sch' || rest(3) === 'tch') { emit('X'); i += 3; continue; }
    if (rest(3) === 'dzh') { emit('X'); i += 3; continue; }
    const two = rest(2);
    if (two === 'sh' || two === 'ch') { emit('X'); i += 2; continue; }
    if (two === 'zh' || two === 'dj') { emit('X'); i += 2; continue; }
    if (two === 'kh') { emit('H'); i += 2; continue; }
    if (two === 'gh') { emit('G'); i += 2; continue; }
    if (two === 'ph') { emit('F'); i += 2; continue; }
    if (two === 'th' || two === 'dh') { emit('T'); i += 2; continue; }
    if (two === 'ts' || two === 'tz') { emit('S'); i += 2; continue; }
    if (two === 'ck') { emit('K'); i += 2; continue; }
    switch (ch) {
      case 'h':
        // a final h after a vowel is silent: "Fatimah" = "Fatima", "Abdullah" = "Abdulla"
        if (!(i === n - 1 && i > 0 && VOWELS.has(s[i - 1]!))) emit('H');
        break;
      case 'b': case 'p': emit('P'); break;
      case 'd': case 't': emit('T'); break;
      case 's': case 'z': emit('S'); break;
      case 'f': case 'v': case 'w': emit('F'); break;
      case 'c': emit(i + 1 < n && (s[i + 1] === 'e' || s[i + 1] === 'i') ? 'S' : 'K'); break;
      case 'k': case 'q': emit('K'); break;
      case 'x': emit('KS'); break;
      case 'j': emit('X'); break;
      case 'g': emit('G'); break;
      case 'l': emit('L'); break;
      case 'm': emit('M'); break;
      case 'n': emit('N'); break;
      case 'r': emit('R'); break;
      default: break;
    }
    i++;
  }
  return out.slice(0, MAX_KEY_LENGTH);
}

/**
 * Phonetic key of a normalised name, computed over the name with its spaces removed: "Abdel
 * Rahman", "Abdulrahman" and "عبد الرحمن" differ in where they split words, not in sound.
 */
export function phoneticKey(normalisedName: string): string {
  if (normalisedName === '') return '';
  return phoneticKeyOfToken(normalisedName.replace(/ /g, ''));
}
