/**
 * PERSISTED REFERENCE DATA (see catalogue.ts). Adults, labour exploitation: 67 indicators.
 * Weights are [secondary] (domain.md a.5: per-dimension counts from a summary page, weights from
 * a third-party crosswalk). RV14 and RV15 are disputed (weak vs medium) and tagged [unverified].
 */
import { buildIndicatorList, type TListRow } from './build-list.ts';
import { ILO_2009_SOURCE, ILO_2009_SOURCE_VERSION, TRANSLATION_SOURCE } from './source.ts';

const DISPUTED_RV = {
  evidence: 'unverified',
  alternative: 'M',
  note: 'Disputed weight: recollection of the primary list says weak, the third-party crosswalk says medium. Resolve against WCMS_105023.',
} as const;

const ROWS: readonly TListRow[] = [
  ['DR01', 'S'], ['DR02', 'M'], ['DR03', 'M'], ['DR04', 'M'], ['DR05', 'M'],
  ['DR06', 'M'], ['DR07', 'M'], ['DR08', 'M'], ['DR09', 'M'], ['DR10', 'W'],

  ['CR01', 'S'], ['CR02', 'M'], ['CR03', 'M'], ['CR04', 'M'], ['CR05', 'M'],
  ['CR06', 'M'], ['CR07', 'M'], ['CR08', 'M'], ['CR09', 'M'], ['CR10', 'M'],

  ['RV01', 'M'], ['RV02', 'M'], ['RV03', 'M'], ['RV04', 'M'], ['RV05', 'M'], ['RV06', 'M'],
  ['RV07', 'M'], ['RV08', 'M'], ['RV09', 'M'], ['RV10', 'M'], ['RV11', 'M'], ['RV12', 'M'],
  ['RV13', 'W'], ['RV14', 'W', DISPUTED_RV], ['RV15', 'W', DISPUTED_RV], ['RV16', 'W'],

  ['EX01', 'S'], ['EX02', 'M'], ['EX03', 'M'], ['EX04', 'M'], ['EX05', 'M'],
  ['EX06', 'M'], ['EX07', 'M'], ['EX08', 'M'], ['EX09', 'W'],

  ['CD01', 'S'], ['CD02', 'S'], ['CD03', 'S'], ['CD04', 'S'], ['CD05', 'M'],
  ['CD06', 'M'], ['CD07', 'M'], ['CD08', 'M'], ['CD09', 'M'], ['CD10', 'M'],
  ['CD11', 'M'], ['CD12', 'M'], ['CD13', 'M'], ['CD14', 'M'], ['CD15', 'W'],

  ['VD01', 'M'], ['VD02', 'M'], ['VD03', 'M'], ['VD04', 'M'], ['VD05', 'M'],
  ['VD06', 'W'], ['VD07', 'W'],
];

export const ADULT_LABOUR_LIST = buildIndicatorList(
  {
    id: 'AL',
    ageGroup: 'adult',
    form: 'labour',
    title: 'Trafficking of adults for labour exploitation',
    source: ILO_2009_SOURCE,
    sourceVersion: ILO_2009_SOURCE_VERSION,
    version: '1.0.0',
    evidence: 'secondary',
    isProvisional: false,
    translationSource: TRANSLATION_SOURCE,
    notes: ['Weights reproduced from secondary sources; check against the primary PDF before release.'],
  },
  'secondary',
  ROWS,
);
