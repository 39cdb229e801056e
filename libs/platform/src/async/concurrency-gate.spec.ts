import { ConcurrencyGate } from './concurrency-gate';

describe('ConcurrencyGate', () => {
  it('runs no more than its limit at once, every piece of work in arrival order, failures included', async () => {
    const gate = new ConcurrencyGate(2);
    let inFlight = 0;
    let highest = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, index) =>
        gate.run(async () => {
          started.push(index);
          highest = Math.max(highest, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          if (index === 3) throw new Error('fails');
          return index;
        }),
      ),
    );
    expect(highest).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(6);
    expect(results[3]).toMatchObject({ status: 'rejected' });
    // A failure gives its turn back: the gate still admits two at once afterwards.
    await Promise.all([gate.run(async () => expect(inFlight).toBe(0)), gate.run(async () => undefined)]);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(/at least 1/);
  });
});
