import { DeliveryResult, MessageRepository } from '../messages/message.repository';
import { DeliveryOutcomes } from './delivery-outcomes';

const SENT: DeliveryResult = { status: 'sent', outcome: 'sent' };

/** The grouping lives in DeliveryOutcomes; the statement itself is exercised by the delivery tests on Postgres. */
function recordingRepository(failOnWrite?: number) {
  const writes: string[][] = [];
  let release: () => void = () => undefined;
  const repository = {
    finishMany: async (finished: Array<{ messageId: string }>) => {
      writes.push(finished.map(({ messageId }) => messageId));
      await new Promise<void>((resolve) => (release = resolve));
      if (writes.length === failOnWrite) throw new Error('connection lost');
    },
  } as unknown as MessageRepository;
  return { repository, writes, releaseWrite: () => release() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('DeliveryOutcomes', () => {
  it('writes the first outcome at once and those arriving meanwhile together, each caller waiting for its own', async () => {
    const { repository, writes, releaseWrite } = recordingRepository();
    const outcomes = new DeliveryOutcomes(repository);
    const settled: string[] = [];
    const record = (id: string) => outcomes.record(id, SENT).then(() => settled.push(id));

    const first = record('a');
    const later = [record('b'), record('c'), record('d')];
    await turn();
    expect(writes).toEqual([['a']]);
    expect(settled).toEqual([]);
    releaseWrite();
    await first;
    await turn();
    expect(settled).toEqual(['a']);
    expect(writes).toEqual([['a'], ['b', 'c', 'd']]);
    releaseWrite();
    await Promise.all(later);
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails the callers of a write that failed, and goes on writing the next', async () => {
    const { repository, writes, releaseWrite } = recordingRepository(1);
    const outcomes = new DeliveryOutcomes(repository);
    const failed = outcomes.record('a', SENT);
    await turn();
    const next = outcomes.record('b', SENT);
    releaseWrite();
    await expect(failed).rejects.toThrow('connection lost');
    await turn();
    releaseWrite();
    await expect(next).resolves.toBeUndefined();
    expect(writes).toEqual([['a'], ['b']]);
  });
});
