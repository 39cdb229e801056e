import { AppConfig } from '../config/app-config';
import { validateEnvironment } from '../config/environment';
import { FieldCipher } from './field-cipher';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const cipherWith = (current: string, previous = '') =>
  new FieldCipher(
    new AppConfig(validateEnvironment({ FIELD_ENCRYPTION_KEY: current, FIELD_ENCRYPTION_PREVIOUS_KEYS: previous })),
  );

describe('FieldCipher', () => {
  it('round-trips text and never stores it in clear', () => {
    const cipher = cipherWith(key(1));
    const stored = cipher.encrypt('Moeder heeft dementie, nachtelijke onrust');
    expect(stored).not.toContain('dementie');
    expect(cipher.decrypt(stored)).toBe('Moeder heeft dementie, nachtelijke onrust');
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('opens values of a rotated-out key listed as previous, and marks them stale', () => {
    const old = cipherWith(key(1)).encrypt('oud');
    const rotated = cipherWith(key(2), key(1));
    expect(rotated.decrypt(old)).toBe('oud');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('nieuw'))).toBe(false);
    expect(() => cipherWith(key(3)).decrypt(old)).toThrow('cannot be opened');
  });

  it('refuses a tampered value', () => {
    const cipher = cipherWith(key(1));
    const parts = cipher.encrypt('waarde').split(':');
    parts[4] = Buffer.from('anders').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});
