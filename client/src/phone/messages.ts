/** Swedish (the default) and English texts of this part of the UI; merged in i18n/. */
export const sv = {} as const

export const en: { [K in keyof typeof sv]: string } = {}
