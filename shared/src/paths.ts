/**
 * Paths the join page needs, in a module without zod: `/j` loads only what it imports, and a
 * constant beside a schema would bring zod with it (the schema is built when the module runs).
 */

/** Where a join code is typed: `/j`, or `/j/<code>` straight from a link. */
export const JOIN_PATH = '/j'

/** The accessibility statement and the personal-data page, linked from every page's footer. */
export const ACCESSIBILITY_PATH = '/tillganglighet'
export const PRIVACY_PATH = '/personuppgifter'
