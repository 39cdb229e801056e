import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Grants up to ARGV[1] of the ARGV[2] allowed in the current second of Redis's own clock (one
 * clock for every process), and answers how many it granted and the milliseconds left in that
 * second. Each second has a counter of its own that expires soon after.
 */
const TAKE_SCRIPT = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local second = math.floor(ms / 1000)
local key = KEYS[1] .. ':' .. second
local used = tonumber(redis.call('GET', key) or '0')
local granted = math.max(0, math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used))
if granted > 0 then
  redis.call('INCRBY', key, granted)
  redis.call('PEXPIRE', key, 5000)
end
return { granted, (second + 1) * 1000 - ms }
`;

/** The client with the script above as a command of its own (ioredis sends it by its hash). */
type WithTakeCommand = Redis & {
  sharedRateTake: (key: string, wanted: number, limit: number) => Promise<[number, number]>;
};

/**
 * At most `perSecond` of something per second for all processes together, counted in Redis.
 * A process takes a slice of a second's allowance at a time (a tenth), so a busy process asks
 * Redis about ten times a second, not once per use; what it holds lapses with its second, so a
 * slice never spills into the next. While Redis is away `acquire` fails, and the caller's work
 * waits for a retry rather than going out unmetered.
 */
export class SharedRate {
  private held = 0;
  private heldUntil = 0;
  private refilling: Promise<void> | null = null;
  private readonly slice: number;
  private readonly client: WithTakeCommand;

  constructor(
    client: Redis,
    private readonly key: string,
    private readonly perSecond: number,
  ) {
    if (!Number.isInteger(perSecond) || perSecond < 1)
      throw new Error(`A shared rate needs at least 1 a second, not ${perSecond}`);
    this.slice = Math.max(1, Math.ceil(perSecond / 10));
    if (!('sharedRateTake' in client)) client.defineCommand('sharedRateTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.client = client as WithTakeCommand;
  }

  /** Resolves when one more use fits within the rate. */
  async acquire(): Promise<void> {
    for (;;) {
      if (this.held > 0 && Date.now() < this.heldUntil) {
        this.held--;
        return;
      }
      // One request to Redis at a time per process; everyone waiting shares its answer.
      this.refilling ??= this.refill().finally(() => (this.refilling = null));
      await this.refilling;
    }
  }

  private async refill(): Promise<void> {
    const [granted, msLeft] = await this.client.sharedRateTake(this.key, this.slice, this.perSecond);
    if (granted === 0) {
      await sleep(msLeft);
      return;
    }
    this.held = granted;
    this.heldUntil = Date.now() + msLeft;
  }
}
