import { JobsOptions } from 'bullmq';

/** Every queue of the platform, declared once: name, job names and their payloads. */
export const QUEUES = {
  identityMaintenance: 'identity-maintenance',
} as const;

export interface JobPayloads {
  'identity-maintenance': { 'purge-expired-tokens': Record<string, never> };
}

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Retries with exponential backoff; finished jobs are dropped so Redis stays bounded. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 10_000 },
};
