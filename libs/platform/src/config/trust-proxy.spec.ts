import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('takes false, a hop count, or addresses and CIDR ranges', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7')).toBe('10.0.0.0/8,192.168.1.7');
    expect(parseTrustProxy('::1,fd00::/8')).toBe('::1,fd00::/8');
  });

  it('refuses to trust every hop, and anything unreadable', () => {
    expect(parseTrustProxy('true')).toBeNull();
    expect(parseTrustProxy('10.0.0.0/33')).toBeNull();
    expect(parseTrustProxy('proxy.example')).toBeNull();
    expect(parseTrustProxy('10.0.0.1/8/2')).toBeNull();
  });
});
