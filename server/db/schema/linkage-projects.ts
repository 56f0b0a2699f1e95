/** Cross-organisation linkage projects (migration 0015). */
export interface TLinkageProjectsTables {}
