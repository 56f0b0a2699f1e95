/**
 * PERSISTED REFERENCE DATA (see catalogue.ts). Children, sexual exploitation — PROVISIONAL.
 *
 * The primary list was not retrieved (domain.md a.5). Until it is loaded, this list reuses the
 * child-labour items and weights as [unverified] placeholders, with the only known facts applied:
 * hazardous work (EX03) and forced tasks or clients (CD06) strong, both [secondary].
 */
import { buildIndicatorList, type TListRow } from './build-list.ts';
import { ILO_2009_SOURCE, ILO_2009_SOURCE_VERSION, TRANSLATION_SOURCE } from './source.ts';

const ROWS: readonly TListRow[] = [
  ['DR01', 'S'],
  ['DR02', 'M', { note: 'The sexual lists reportedly word this as "conditions of prostitution" [unverified].' }],
  ['DR03', 'M'], ['DR04', 'M'], ['DR05', 'M'],
  ['DR06', 'M'], ['DR07', 'M'], ['DR08', 'M'], ['DR09', 'M'], ['DR10', 'S'],

  ['CR01', 'S'], ['CR02', 'S'], ['CR03', 'M'], ['CR04', 'S'], ['CR05', 'M'],
  ['CR06', 'M'], ['CR07', 'S'], ['CR08', 'M'], ['CR09', 'M'], ['CR10', 'M'],

  ['RV01', 'M'], ['RV02', 'M'], ['RV03', 'M'], ['RV04', 'M'], ['RV05', 'M'], ['RV06', 'M'],
  ['RV08', 'M'], ['RV09', 'M'], ['RV10', 'M'], ['RV11', 'M'], ['RV12', 'M'],
  ['RV13', 'M'], ['RV14', 'M'], ['RV15', 'M'], ['RV16', 'M'],

  ['EX01', 'S'], ['EX02', 'M'], ['EX03', 'S', { evidence: 'secondary' }], ['EX04', 'M'],
  ['EX05', 'M'], ['EX07', 'M'], ['EX08', 'M'], ['EX09', 'M'],

  ['CD01', 'S'], ['CD02', 'S'], ['CD03', 'S'], ['CD04', 'S'], ['CD05', 'S'],
  ['CD06', 'S', { evidence: 'secondary' }],
  ['CD07', 'M'], ['CD08', 'M'], ['CD09', 'M'], ['CD10', 'M'],
  ['CD11', 'S'], ['CD12', 'S'], ['CD13', 'M'], ['CD14', 'M'], ['CD15', 'M'],

  ['VD01', 'M'], ['VD02', 'M'], ['VD03', 'M'], ['VD04', 'M'], ['VD05', 'M'],
  ['VD06', 'M'], ['VD07', 'M'],
];

export const CHILD_SEXUAL_LIST = buildIndicatorList(
  {
    id: 'CS',
    ageGroup: 'child',
    form: 'sexual',
    title: 'Trafficking of children for sexual exploitation',
    source: ILO_2009_SOURCE,
    sourceVersion: ILO_2009_SOURCE_VERSION,
    version: '0.1.0',
    evidence: 'unverified',
    isProvisional: true,
    translationSource: TRANSLATION_SOURCE,
    notes: [
      'Provisional: items and weights are placeholders copied from the child-labour list.',
      'Load the child sexual list from WCMS_105023 before relying on results.',
    ],
  },
  'unverified',
  ROWS,
);
