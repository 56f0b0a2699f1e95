/**
 * From query rows to the two-way count table that disclosure control protects: category lists
 * per dimension, the count matrix, and the grouping of small categories that keeps the exact
 * secondary-suppression audit affordable.
 */
import { DIMENSIONS, type TDimensionId } from '../../../core/metrics/index.ts';
import type { TStatsRow } from './stats.query-builder.ts';

/** A category of a published table: a key, the "not recorded" null, or a group of keys. */
export interface TTableCategory {
  key: string | null;
  /** Keys merged into this category ("other (grouped)"); absent for ordinary categories. */
  members?: string[];
}

export interface TCountTableWithCategories {
  dimensions: TDimensionId[];
  /** Categories of each dimension (none for a query without dimensions). */
  categories: TTableCategory[][];
  /** rows × columns; one column when there is at most one dimension; 1×1 when none. */
  counts: number[][];
}

/** The key of the grouped category; no dimension has a category with this key. */
export const GROUPED_KEY = '*other';

const keyOf = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

function categoriesOf(dimension: TDimensionId, rows: readonly TStatsRow[], index: 0 | 1): TTableCategory[] {
  const spec = DIMENSIONS[dimension];
  const seen = new Map<string | null, number>();
  for (const row of rows) {
    const key = keyOf(index === 0 ? row.d0 : row.d1);
    seen.set(key, (seen.get(key) ?? 0) + row.value);
  }
  let keys: string[];
  if (spec.kind === 'fixed') {
    // Every catalog category is listed, empty or not: leaving one out would publish its zero.
    keys = spec.categories.map((c) => c.key);
  } else {
    keys = [...seen.keys()].filter((k): k is string => k !== null);
    if (spec.isOrdered) keys.sort();
    else keys.sort((a, b) => seen.get(b)! - seen.get(a)! || (a < b ? -1 : 1));
  }
  const out: TTableCategory[] = keys.map((key) => ({ key }));
  if (seen.has(null)) out.push({ key: null });
  return out;
}

/** Lays the rows out as a count table over the categories of each dimension. */
export function tabulate(dimensions: readonly TDimensionId[], rows: readonly TStatsRow[]): TCountTableWithCategories {
  const categories = dimensions.map((d, i) => categoriesOf(d, rows, i as 0 | 1));
  const rowIndex = new Map((categories[0] ?? [{ key: null }]).map((c, i) => [c.key, i]));
  const columnIndex = new Map((categories[1] ?? [{ key: null }]).map((c, i) => [c.key, i]));
  const counts = [...rowIndex.keys()].map(() => [...columnIndex.keys()].map(() => 0));
  for (const row of rows) {
    const i = dimensions.length > 0 ? rowIndex.get(keyOf(row.d0)) : 0;
    const j = dimensions.length > 1 ? columnIndex.get(keyOf(row.d1)) : 0;
    // A key outside a fixed list cannot happen (CHECK constraints); it would be dropped, not miscounted.
    if (i === undefined || j === undefined) continue;
    counts[i]![j]! += row.value;
  }
  return { dimensions: [...dimensions], categories, counts };
}

function countSmall(counts: readonly (readonly number[])[], threshold: number): number {
  let small = 0;
  for (const row of counts) for (const v of row) if (v < threshold) small++;
  return small;
}

/**
 * Merges the smallest categories of groupable dimensions (countries, sectors) into one
 * "other (grouped)" category until the table has at most `maxSmallCells` cells below the
 * threshold. The exact suppression audit grows steeply with the number of small cells (on the
 * real CTDC file: 112 small cells ≈ 0.6 s, 273 ≈ 6 s), and a table of 78 countries is mostly
 * small cells that would be suppressed anyway. Ungroupable dimensions (years, sex) are never
 * touched, and the "not recorded" category is never merged.
 */
export function groupSmallCategories(table: TCountTableWithCategories, threshold: number, maxSmallCells: number): TCountTableWithCategories {
  let { categories, counts } = table;
  for (;;) {
    if (countSmall(counts, threshold) <= maxSmallCells) break;
    // The groupable dimension with the most mergeable categories gives up its smallest one.
    let pick: { axis: 0 | 1; index: number } | null = null;
    let mostMergeable = 2;
    for (const axis of [0, 1] as const) {
      const dimension = table.dimensions[axis];
      if (!dimension || !DIMENSIONS[dimension].isGroupable) continue;
      const candidates = categories[axis]!.map((c, index) => ({ c, index })).filter(({ c }) => c.key !== null && c.key !== GROUPED_KEY);
      if (candidates.length <= mostMergeable) continue;
      mostMergeable = candidates.length;
      const total = (index: number) => (axis === 0 ? counts[index]!.reduce((a, b) => a + b, 0) : counts.reduce((a, row) => a + row[index]!, 0));
      const smallest = candidates.reduce((best, x) => (total(x.index) < total(best.index) ? x : best));
      pick = { axis, index: smallest.index };
    }
    if (!pick) break;
    ({ categories, counts } = mergeIntoOther(categories, counts, pick));
  }
  return { dimensions: table.dimensions, categories, counts };
}

function mergeIntoOther(categories: TTableCategory[][], counts: number[][], pick: { axis: 0 | 1; index: number }): { categories: TTableCategory[][]; counts: number[][] } {
  const axisCategories = categories[pick.axis]!;
  const merged = axisCategories[pick.index]!;
  let otherIndex = axisCategories.findIndex((c) => c.key === GROUPED_KEY);
  let nextCategories = axisCategories.filter((_, i) => i !== pick.index);
  const transpose = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
  // Work on rows of the picked axis.
  let lines = pick.axis === 0 ? counts.map((r) => [...r]) : transpose(counts);
  const line = lines[pick.index]!;
  lines = lines.filter((_, i) => i !== pick.index);
  if (otherIndex < 0) {
    // "Other (grouped)" goes before "not recorded", which stays last.
    const nullIndex = nextCategories.findIndex((c) => c.key === null);
    otherIndex = nullIndex < 0 ? nextCategories.length : nullIndex;
    nextCategories.splice(otherIndex, 0, { key: GROUPED_KEY, members: [] });
    lines.splice(otherIndex, 0, line.map(() => 0));
  } else if (otherIndex > pick.index) otherIndex -= 1;
  const other = nextCategories[otherIndex]!;
  nextCategories[otherIndex] = { key: GROUPED_KEY, members: [...(other.members ?? []), ...(merged.members ?? [merged.key!])] };
  lines[otherIndex] = lines[otherIndex]!.map((v, j) => v + line[j]!);
  nextCategories = [...nextCategories];
  const nextCounts = pick.axis === 0 ? lines : transpose(lines);
  const out = [...categories];
  out[pick.axis] = nextCategories;
  return { categories: out, counts: nextCounts };
}
