import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: a code read aloud over the phone or copied from paper comes out right. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 12 characters of 5 bits: 60 bits of randomness. */
const RANDOM_LENGTH = 12;

/** A new voucher code: 12 random characters and a check character (Luhn mod 32). */
export function newVoucherCode(): string {
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return body + checkCharacter(body);
}

/** Upper-cased without spaces or dashes; null when it cannot be a code (wrong length, letter or check character). */
export function normaliseVoucherCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== RANDOM_LENGTH + 1 || [...code].some((char) => !CODE_ALPHABET.includes(char))) return null;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1) ? code : null;
}

/** In groups of four, as printed: "K7QW-9ZHM-3TXA-4". */
export function formatVoucherCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** Luhn mod N: catches every single wrong character and most swaps of neighbours. */
function checkCharacter(body: string): string {
  const n = CODE_ALPHABET.length;
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(body[i]);
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(n - (sum % n)) % n];
}
