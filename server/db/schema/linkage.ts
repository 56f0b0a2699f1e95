/** Tables of de-duplication and privacy-preserving record linkage. Keep in step with `migrations/`. */
export interface TLinkageTables {}
