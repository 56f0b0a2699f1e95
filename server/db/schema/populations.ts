/** Population denominators (migration 0014). */
export interface TPopulationsTables {}
