import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate, normaliseDocumentNumber, normaliseName, normalisePhone } from './normalise.ts';
import { phoneticKey } from './phonetic.ts';
import { detectScript, transliterateToLatin } from './transliterate.ts';

test('normaliseName folds case, accents, punctuation, OCR digits and script', () => {
  const cases: [string | null, string][] = [
    ['José', 'jose'],
    ['  MARÍA   del  Carmen ', 'maria del carmen'],
    ["O'Brien", 'o brien'],
    ['Ștefan', 'stefan'],
    ['Nguyễn', 'nguyen'],
    ['Đặng', 'dang'],
    ['Straße', 'strasse'],
    ['M0HAMMED', 'mohammed'],
    ['Александр', 'aleksandr'],
    ['Щербаков', 'shcherbakov'],
    ['محمد', 'mhmd'],
    ['يوسف', 'yusf'],
    ['عبد الرحمن', 'abd alrhmn'],
    ['وليد', 'wlid'],
    ['', ''],
    [null, ''],
  ];
  for (const [input, expected] of cases) assert.equal(normaliseName(input), expected, String(input));
});

test('transliteration keeps non-Cyrillic, non-Arabic characters and detects the script', () => {
  assert.equal(transliterateToLatin('Иван Ivan 123'), 'ivan Ivan 123');
  assert.equal(detectScript('Иванов'), 'cyrillic');
  assert.equal(detectScript('محمد'), 'arabic');
  assert.equal(detectScript('Nguyễn'), 'latin');
  assert.equal(detectScript('123'), 'other');
});

test('phonetic key unites transliteration variants of one name', () => {
  const groups: string[][] = [
    ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'محمد', 'M0HAMMED'],
    ['Aleksandr', 'Alexander', 'Александр', 'Олександр', 'Oleksandr'],
    ['Yusuf', 'Youssef', 'Iosif', 'يوسف'],
    ['Ivanov', 'Ivanoff', 'Iwanow', 'Иванов'],
    ['Khaled', 'Khalid', 'خالد'],
    ['Fatima', 'Fatimah', 'Fatma', 'فاطمة'],
    ['Abdel Rahman', 'Abdulrahman', 'عبد الرحمن'],
    ['Al-Masri', 'El-Masry', 'المصري'],
    ['Shcherbakov', 'Щербаков', 'Schtscherbakow', 'Chtcherbakov'],
    ['Natalya', 'Natalia', 'Наталья'],
    ['Hussein', 'Hossein', 'حسين'],
    ['Zhanna', 'Жанна', 'Janna'],
    ['Scharowa', 'Jarova', 'Zharova', 'Жарова'],
    ['Mustafa', 'Moustafa', 'مصطفى'],
  ];
  for (const group of groups) {
    const keys = new Set(group.map((n) => phoneticKey(normaliseName(n))));
    assert.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`);
  }
  // and keeps different names apart
  const distinct = ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Yusuf', 'Ivan', 'Maria', 'Elena', 'Olga', 'Smith', 'Jones'];
  assert.equal(new Set(distinct.map((n) => phoneticKey(normaliseName(n)))).size, distinct.length);
  assert.equal(phoneticKey(''), '');
});

test('phonetic key table', () => {
  const table: [string, string][] = [
    ['mohammed', 'MHMT'], ['aleksandr', 'ALKSNTR'], ['yusuf', 'ASF'], ['ivanov', 'AFNF'], ['tchaikovsky', 'XKFSK'],
    ['zhanna', 'XN'], ['cecilia', 'SSL'], ['smith', 'SMT'], ['anna', 'AN'], ['mama', 'MM'],
  ];
  for (const [input, key] of table) assert.equal(phoneticKey(input), key, input);
});

test('document, phone and date normalisation', () => {
  assert.equal(normaliseDocumentNumber('sy 123-45O7'), 'SY1234507');
  assert.equal(normaliseDocumentNumber('AB1I23'), 'AB1123');
  assert.equal(normalisePhone('+44 7700 900123'), '700900123');
  assert.equal(normalisePhone('0044 7700900123'), '700900123');
  assert.equal(normalisePhone('07700900123'), '700900123');
  assert.equal(normalisePhone(null), '');
  const dates: [string, string][] = [
    ['1990-05-17', '1990-05-17'], ['17/05/1990', '1990-05-17'], ['17.5.1990', '1990-05-17'], ['19900517', '1990-05-17'],
    ['1990-13-01', ''], ['31/31/1990', ''], ['next tuesday', ''], ['', ''],
  ];
  for (const [input, expected] of dates) assert.equal(normaliseDate(input), expected, input);
});
