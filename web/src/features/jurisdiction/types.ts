/**
 * Jurisdiction profiles as the web app reads them. The shape is the shared zod schema in
 * `core/nrm/jurisdictions/schema.ts` (the server validates every profile with it, and the
 * version editor checks a new version with it before sending).
 */
export type { TJurisdictionProfile } from '../../../../core/nrm/jurisdictions/schema.ts';
