/**
 * The field of the first string (or key) holding U+0000 in parsed input, or null. Postgres text
 * cannot store that character, so such input is refused as invalid before a query fails on it.
 */
export function fieldHoldingNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return field;
    const found = fieldHoldingNul(inner, field);
    if (found) return found;
  }
  return null;
}
