/** Grouped statistics rows in the order of their dimension values (d0, d1, …): GROUP BY alone promises no order. */
export function byDimensions<R extends object>(rows: R[]): R[] {
  const key = (row: R) => JSON.stringify(Object.entries(row).filter(([k]) => /^d\d$/.test(k)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v as unknown));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
