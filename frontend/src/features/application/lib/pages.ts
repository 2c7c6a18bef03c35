/** The `page` values of /services/:code/apply after the question pages (1, 2, …). */
export const MATERIALS_PAGE = 'materials'
export const CHECK_PAGE = 'check'
export const RECEIPT_PAGE = 'receipt'
/** The page before the questions where the applicant agrees to what departments provide. */
export const SOURCES_PAGE = 'sources'
