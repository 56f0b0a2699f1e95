/** Tables of case transfers between agencies and in-app notifications. Keep in step with `migrations/`. */
export interface TCooperationTables {}
