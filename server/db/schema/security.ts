/** Tables of two-factor login, password policy, emergency (break-the-glass) access, retention and erasure, exports and key rotation. Keep in step with `migrations/`. */
export interface TSecurityTables {}
