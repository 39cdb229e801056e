import { Job } from 'bullmq';
import { JobHandlers, QueueProcessor, UnknownJobError } from './queue-processor';

class PrivacyJobs extends QueueProcessor<'privacy'> {
  readonly seen: string[][] = [];
  protected readonly handlers: JobHandlers<'privacy'> = {
    'drop-delivery-jobs': async ({ messageIds }) => this.seen.push(messageIds),
    'apply-retention': async () => this.seen.push(['retention']),
  };
}

const job = (name: string, data: unknown) => ({ name, data, queueName: 'privacy' }) as Job;

describe('QueueProcessor', () => {
  it('sends each job to the handler of its name with its payload', async () => {
    const processor = new PrivacyJobs();
    await processor.process(job('drop-delivery-jobs', { messageIds: ['a', 'b'] }));
    await processor.process(job('apply-retention', {}));
    expect(processor.seen).toEqual([['a', 'b'], ['retention']]);
  });

  it('refuses a job it has no handler for, including names of Object.prototype', async () => {
    const processor = new PrivacyJobs();
    await expect(processor.process(job('drop-everything', {}))).rejects.toBeInstanceOf(UnknownJobError);
    await expect(processor.process(job('toString', {}))).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('is checked by the compiler: every job needs a handler taking its own payload', () => {
    // @ts-expect-error a map without the 'apply-retention' handler does not compile
    const missing: JobHandlers<'privacy'> = { 'drop-delivery-jobs': async () => undefined };
    const wrongPayload: JobHandlers<'privacy'> = {
      // @ts-expect-error 'drop-delivery-jobs' carries messageIds, not a fanoutId
      'drop-delivery-jobs': async (data: { fanoutId: string }) => data.fanoutId,
      'apply-retention': async () => undefined,
    };
    expect(Object.keys(missing)).toEqual(['drop-delivery-jobs']);
    expect(Object.keys(wrongPayload)).toHaveLength(2);
  });
});
