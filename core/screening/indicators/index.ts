import { AppError } from '../../errors/app-error.ts';
import { ADULT_LABOUR_LIST } from './adult-labour.ts';
import { ADULT_SEXUAL_LIST } from './adult-sexual.ts';
import { CHILD_LABOUR_LIST } from './child-labour.ts';
import { CHILD_SEXUAL_LIST } from './child-sexual.ts';
import {
  ZIndicatorList,
  type TAgeGroup,
  type TExploitationForm,
  type TIndicatorList,
  type TIndicatorListId,
} from './types.ts';

export * from './types.ts';
export { INDICATOR_CATALOGUE, type TIndicatorCode } from './catalogue.ts';

/**
 * The current version of each list, parsed once at load so a malformed edit to the data fails
 * at startup (and in the tests) rather than in the middle of a screening.
 */
export const INDICATOR_LISTS: Readonly<Record<TIndicatorListId, TIndicatorList>> = {
  AL: ZIndicatorList.parse(ADULT_LABOUR_LIST),
  AS: ZIndicatorList.parse(ADULT_SEXUAL_LIST),
  CL: ZIndicatorList.parse(CHILD_LABOUR_LIST),
  CS: ZIndicatorList.parse(CHILD_SEXUAL_LIST),
};

/**
 * Returns the current list with this id.
 * @throws AppError NOT_FOUND (reason `UNKNOWN_INDICATOR_LIST`) for an id that is not a list.
 */
export function getIndicatorList(id: string): TIndicatorList {
  const list = (INDICATOR_LISTS as Record<string, TIndicatorList | undefined>)[id];
  if (!list) throw new AppError('NOT_FOUND', `No indicator list ${id}`, { reason: 'UNKNOWN_INDICATOR_LIST', listId: id });
  return list;
}

/**
 * The list that applies to an age group (at the time of exploitation, not today) and a form of
 * exploitation. A case with both forms is screened against both lists and reports both results.
 */
export function indicatorListIdFor(ageGroup: TAgeGroup, form: TExploitationForm): TIndicatorListId {
  if (ageGroup === 'adult') return form === 'labour' ? 'AL' : 'AS';
  return form === 'labour' ? 'CL' : 'CS';
}
