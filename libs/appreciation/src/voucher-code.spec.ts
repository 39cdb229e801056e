import { CODE_ALPHABET, formatVoucherCode, newVoucherCode, normaliseVoucherCode } from './voucher-code';

describe('voucher codes', () => {
  it('are 13 characters of the readable alphabet, and valid', () => {
    const codes = Array.from({ length: 2000 }, newVoucherCode);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{13}$/);
      expect(normaliseVoucherCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('accepts the printed form in any case and refuses every single wrong character', () => {
    const code = newVoucherCode();
    expect(normaliseVoucherCode(formatVoucherCode(code).toLowerCase())).toBe(code);
    expect(normaliseVoucherCode(` ${formatVoucherCode(code).replace(/-/g, ' ')} `)).toBe(code);
    for (let position = 0; position < code.length; position++) {
      for (const replacement of CODE_ALPHABET) {
        if (replacement === code[position]) continue;
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(normaliseVoucherCode(typo)).toBeNull();
      }
    }
    expect(normaliseVoucherCode(code.slice(1))).toBeNull();
    expect(normaliseVoucherCode(code.replace(/.$/, 'O'))).toBeNull();
  });
});
