/** Provenance shared by the four ILO/EC 2009 lists (domain.md a.1). */
export const ILO_2009_SOURCE =
  'ILO and European Commission, Operational indicators of trafficking in human beings (WCMS_105023)';
export const ILO_2009_SOURCE_VERSION = 'September 2009 revision';
export const TRANSLATION_SOURCE = 'Palermo project (unofficial; replace with the ILO language editions when loaded)';
