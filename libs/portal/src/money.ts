/** An amount in cents as people read it: "€ 12,50" in Dutch, "€12.50" in English. */
export function euros(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
