import { isPermanent, retryDelayMs } from './mail-retry';

describe('mail retry', () => {
  const retry = { firstDelayMs: 5_000, maxDelayMs: 1_800_000 };

  it('doubles the wait after each failure and stops at the cap', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, retry))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(9, retry)).toBe(1_280_000);
    expect(retryDelayMs(10, retry)).toBe(1_800_000);
    expect(retryDelayMs(500, retry)).toBe(1_800_000);
  });

  it('keeps trying on 4xx replies and lost connections, gives up on 5xx', () => {
    expect(isPermanent({ responseCode: 421 })).toBe(false);
    expect(isPermanent({ responseCode: 451 })).toBe(false);
    expect(isPermanent({ code: 'ECONNECTION' })).toBe(false);
    expect(isPermanent({ responseCode: 550 })).toBe(true);
    expect(isPermanent({ responseCode: 554 })).toBe(true);
  });
});
