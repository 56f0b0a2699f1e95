/** Tables of monitoring and evaluation: programmes, results frameworks, indicators, needs assessments, progress reports. Keep in step with `migrations/`. */
export interface TProgrammesTables {}
