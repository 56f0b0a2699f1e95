/** Tables of statistical releases, privacy budget, k-anonymous exports and population denominators. Keep in step with `migrations/`. */
export interface TReleasesTables {}
