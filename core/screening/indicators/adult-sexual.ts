/**
 * PERSISTED REFERENCE DATA (see catalogue.ts). Adults, sexual exploitation — PROVISIONAL.
 *
 * The primary list was not retrieved (domain.md a.5). Until it is loaded, this list reuses the
 * adult-labour items and weights as [unverified] placeholders, with the only known facts applied:
 * no strong indicator in EX (so EX01 is demoted to medium) and "forced tasks or clients" (CD06)
 * strong at destination, both [secondary]. `isProvisional` stays true until the list is replaced.
 */
import { buildIndicatorList, type TListRow } from './build-list.ts';
import { ILO_2009_SOURCE, ILO_2009_SOURCE_VERSION, TRANSLATION_SOURCE } from './source.ts';

const NOT_STRONG_IN_EX =
  'Secondary source: the adult sexual list has no strong indicator in EX; the medium/weak split is unknown.';

const ROWS: readonly TListRow[] = [
  ['DR01', 'S'],
  ['DR02', 'M', { note: 'The sexual lists reportedly word this as "conditions of prostitution" [unverified].' }],
  ['DR03', 'M'], ['DR04', 'M'], ['DR05', 'M'],
  ['DR06', 'M'], ['DR07', 'M'], ['DR08', 'M'], ['DR09', 'M'], ['DR10', 'W'],

  ['CR01', 'S'], ['CR02', 'M'], ['CR03', 'M'], ['CR04', 'M'], ['CR05', 'M'],
  ['CR06', 'M'], ['CR07', 'M'], ['CR08', 'M'], ['CR09', 'M'], ['CR10', 'M'],

  ['RV01', 'M'], ['RV02', 'M'], ['RV03', 'M'], ['RV04', 'M'], ['RV05', 'M'], ['RV06', 'M'],
  ['RV07', 'M'], ['RV08', 'M'], ['RV09', 'M'], ['RV10', 'M'], ['RV11', 'M'], ['RV12', 'M'],
  ['RV13', 'W'], ['RV14', 'W', { alternative: 'M' }], ['RV15', 'W', { alternative: 'M' }], ['RV16', 'W'],

  ['EX01', 'M', { note: NOT_STRONG_IN_EX }],
  ['EX02', 'M', { note: NOT_STRONG_IN_EX }], ['EX03', 'M', { note: NOT_STRONG_IN_EX }],
  ['EX04', 'M', { note: NOT_STRONG_IN_EX }], ['EX05', 'M', { note: NOT_STRONG_IN_EX }],
  ['EX06', 'M', { note: NOT_STRONG_IN_EX }], ['EX07', 'M', { note: NOT_STRONG_IN_EX }],
  ['EX08', 'M', { note: NOT_STRONG_IN_EX }], ['EX09', 'W', { note: NOT_STRONG_IN_EX }],

  ['CD01', 'S'], ['CD02', 'S'], ['CD03', 'S'], ['CD04', 'S'], ['CD05', 'M'],
  ['CD06', 'S', { evidence: 'secondary' }],
  ['CD07', 'M'], ['CD08', 'M'], ['CD09', 'M'], ['CD10', 'M'],
  ['CD11', 'M'], ['CD12', 'M'], ['CD13', 'M'], ['CD14', 'M'], ['CD15', 'W'],

  ['VD01', 'M'], ['VD02', 'M'], ['VD03', 'M'], ['VD04', 'M'], ['VD05', 'M'],
  ['VD06', 'W'], ['VD07', 'W'],
];

export const ADULT_SEXUAL_LIST = buildIndicatorList(
  {
    id: 'AS',
    ageGroup: 'adult',
    form: 'sexual',
    title: 'Trafficking of adults for sexual exploitation',
    source: ILO_2009_SOURCE,
    sourceVersion: ILO_2009_SOURCE_VERSION,
    version: '0.1.0',
    evidence: 'unverified',
    isProvisional: true,
    translationSource: TRANSLATION_SOURCE,
    notes: [
      'Provisional: items and weights are placeholders copied from the adult-labour list.',
      'Load the adult sexual list from WCMS_105023 before relying on results.',
    ],
  },
  'unverified',
  ROWS,
);
