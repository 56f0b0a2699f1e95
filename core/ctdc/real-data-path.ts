import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the real CTDC K-anonymized file lives: the project's shared folder sits beside the
 * repository (here and in CI). Tests that need it fail loudly when it is missing, unless
 * PALERMO_SKIP_REAL_DATA=1 says on purpose that this machine has no copy.
 */
export const REAL_CTDC_FILE = fileURLToPath(new URL('../../../shared/data/ctdc/k_anon_2021/the_global_k_anon_dataset_reconstructed.csv', import.meta.url));

export function realDataSkipReason(): string | false {
  if (existsSync(REAL_CTDC_FILE)) return false;
  if (process.env.PALERMO_SKIP_REAL_DATA === '1') return `real CTDC file not found at ${REAL_CTDC_FILE} (PALERMO_SKIP_REAL_DATA=1)`;
  throw new Error(`The real CTDC file is missing at ${REAL_CTDC_FILE}. Put the shared folder beside the repository, or set PALERMO_SKIP_REAL_DATA=1.`);
}
