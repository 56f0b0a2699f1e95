/**
 * PERSISTED REFERENCE DATA (see catalogue.ts). Children, labour exploitation: 65 indicators
 * (RV07 and EX06 are not in this list) and no weak tier. All weights are [secondary]: one
 * third-party crosswalk only (domain.md a.5).
 */
import { buildIndicatorList, type TListRow } from './build-list.ts';
import { ILO_2009_SOURCE, ILO_2009_SOURCE_VERSION, TRANSLATION_SOURCE } from './source.ts';

const ROWS: readonly TListRow[] = [
  ['DR01', 'S'], ['DR02', 'M'], ['DR03', 'M'], ['DR04', 'M'], ['DR05', 'M'],
  ['DR06', 'M'], ['DR07', 'M'], ['DR08', 'M'], ['DR09', 'M'], ['DR10', 'S'],

  ['CR01', 'S'], ['CR02', 'S'], ['CR03', 'M'], ['CR04', 'S'], ['CR05', 'M'],
  ['CR06', 'M'], ['CR07', 'S'], ['CR08', 'M'], ['CR09', 'M'], ['CR10', 'M'],

  ['RV01', 'M'], ['RV02', 'M'], ['RV03', 'M'], ['RV04', 'M'], ['RV05', 'M'], ['RV06', 'M'],
  ['RV08', 'M'], ['RV09', 'M'], ['RV10', 'M'], ['RV11', 'M'], ['RV12', 'M'],
  ['RV13', 'M'], ['RV14', 'M'], ['RV15', 'M'], ['RV16', 'M'],

  ['EX01', 'S'], ['EX02', 'M'], ['EX03', 'M'], ['EX04', 'M'], ['EX05', 'M'],
  ['EX07', 'M'], ['EX08', 'M'], ['EX09', 'M'],

  ['CD01', 'S'], ['CD02', 'S'], ['CD03', 'S'], ['CD04', 'S'], ['CD05', 'S'],
  ['CD06', 'S'], ['CD07', 'M'], ['CD08', 'M'], ['CD09', 'M'], ['CD10', 'M'],
  ['CD11', 'S'], ['CD12', 'S'], ['CD13', 'M'], ['CD14', 'M'], ['CD15', 'M'],

  ['VD01', 'M'], ['VD02', 'M'], ['VD03', 'M'], ['VD04', 'M'], ['VD05', 'M'],
  ['VD06', 'M'], ['VD07', 'M'],
];

export const CHILD_LABOUR_LIST = buildIndicatorList(
  {
    id: 'CL',
    ageGroup: 'child',
    form: 'labour',
    title: 'Trafficking of children for labour exploitation',
    source: ILO_2009_SOURCE,
    sourceVersion: ILO_2009_SOURCE_VERSION,
    version: '1.0.0',
    evidence: 'secondary',
    isProvisional: false,
    translationSource: TRANSLATION_SOURCE,
    notes: ['Weights from a single third-party crosswalk; check against the primary PDF before release.'],
  },
  'secondary',
  ROWS,
);
