import { JobsOptions } from 'bullmq';

/** Every queue of the platform, declared once: its jobs and their payloads. */
export interface JobPayloads {
  'identity-maintenance': { 'purge-expired-tokens': Record<string, never> };
  mail: { deliver: { messageId: string } };
  fanout: { expand: { fanoutId: string } };
  'carers-maintenance': {
    'escalate-overdue-signals': Record<string, never>;
    'remind-rescreening': Record<string, never>;
    'request-reconfirmation': Record<string, never>;
  };
  'respite-maintenance': { 'expire-waitlist-offers': Record<string, never> };
  'volunteers-maintenance': { 'remind-expiring': Record<string, never> };
  appreciation: {
    'announce-campaign': { campaignId: string; municipalityId: string };
    'remind-expiring-vouchers': Record<string, never>;
  };
  'activities-maintenance': { 'remind-sessions': Record<string, never>; 'expire-place-offers': Record<string, never> };
  privacy: { 'drop-delivery-jobs': { messageIds: string[] }; 'apply-retention': Record<string, never> };
}

export type QueueName = keyof JobPayloads;
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

export const QUEUES = {
  identityMaintenance: 'identity-maintenance',
  mail: 'mail',
  fanout: 'fanout',
  carersMaintenance: 'carers-maintenance',
  respiteMaintenance: 'respite-maintenance',
  volunteersMaintenance: 'volunteers-maintenance',
  appreciation: 'appreciation',
  activitiesMaintenance: 'activities-maintenance',
  privacy: 'privacy',
} as const satisfies Record<string, QueueName>;

/** Retries with exponential backoff; finished jobs are dropped so Redis stays bounded. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};
