/** "1121 ab" → "1121AB"; null when it is not a Dutch postcode. */
export function normalizePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(compact) ? compact : null;
}

export const POSTCODE_PATTERN = /^\s*[1-9][0-9]{3}\s?[A-Za-z]{2}\s*$/;
export const HOUSE_NUMBER_PATTERN = /^[1-9][0-9]{0,4}(\s?[A-Za-z0-9-]{1,6})?$/;
