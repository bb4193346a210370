/** Contact-number and postcode formats used in party and agency blocks. */

/** Mainland mobile numbers: 11 digits starting 1[3-9]. An optional +86 / 86 prefix is accepted. */
export function isValidMobile(raw: string): boolean {
  const v = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '')
  return /^1[3-9]\d{9}$/.test(v)
}

/** Landlines: area code 0xx or 0xxx, then a 7–8 digit number, optional extension (转 / - / ext). */
export function isValidLandline(raw: string): boolean {
  const v = raw.trim()
  return /^(0\d{2,3}[-\s]?)?[2-9]\d{6,7}((-|转|ext\.?)\d{1,6})?$/.test(v)
}

export function isValidPostcode(raw: string): boolean {
  return /^[1-8]\d{5}$/.test(raw.trim())
}
