import { isIP } from 'node:net';

/**
 * What Fastify trusts of X-Forwarded-For: nothing (`false`), the given number of proxy hops in
 * front of the app, or only peers at the listed addresses or CIDR ranges. Never every hop: a
 * client could then name its own address and escape every per-address limit.
 */
export type TrustProxy = false | number | string;

const HOPS = /^[0-9]{1,2}$/;

/** Null when the value is none of the accepted forms. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const trimmed = value.trim();
  if (trimmed === 'false' || trimmed === '') return false;
  if (HOPS.test(trimmed)) return Number(trimmed) === 0 ? false : Number(trimmed);
  const entries = trimmed.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrRange) ? entries.join(',') : null;
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}
