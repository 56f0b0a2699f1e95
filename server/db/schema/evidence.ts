/** Tables of the evidence module: imported datasets, statistics, releases (migration 0003). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TEvidenceTables {}
