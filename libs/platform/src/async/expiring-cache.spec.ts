import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('loads once within the lifetime, again after it, and forgets a failed load', async () => {
    let now = 1_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const cache = new ExpiringCache<number>(5_000, 2);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    now += 5_001;
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', load)).toBe(3);
    await cache.get('c', load);
    // Bounded to two entries: 'a' was the oldest and is loaded again.
    expect(await cache.get('a', load)).toBe(5);
    jest.restoreAllMocks();
  });
});
