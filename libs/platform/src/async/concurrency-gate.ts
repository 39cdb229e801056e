/** Runs at most `limit` pieces of work at once; the rest wait their turn in arrival order. */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`A concurrency gate needs a limit of at least 1, not ${limit}`);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The turn passes straight to the next waiter, so `running` never drops below what is in flight.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
