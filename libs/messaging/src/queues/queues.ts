/*
 * Queue and job names are stored: in Redis (waiting, delayed and repeatable jobs) and in the outbox
 * (`outbox_entry.queue`, `.job_name`). Renaming or removing one needs a migration that rewrites or
 * drains what is stored under the old name, and a release that still handles both meanwhile.
 */
import { JobsOptions } from 'bullmq';

/** Every queue of the platform, declared once: its jobs and their payloads. */
export interface JobPayloads {
  'identity-maintenance': { 'purge-expired-tokens': Record<string, never> };
  /** dueAt: when a retry handed over from a batch was first due (ms), for its retry window. */
  mail: { deliver: { messageId: string; dueAt?: number } };
  'mail-batch': { 'deliver-batch': { messageIds: string[] } };
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
  'activities-maintenance': {
    'remind-sessions': Record<string, never>;
    'expire-place-offers': Record<string, never>;
    'forget-residents': Record<string, never>;
  };
  privacy: { 'drop-delivery-jobs': { messageIds: string[] }; 'apply-retention': Record<string, never> };
  'intake-maintenance': { 'purge-unanswered-referrals': Record<string, never>; 'ask-feedback': Record<string, never> };
}

export type QueueName = keyof JobPayloads;

/** Every job name at run time, checked against JobPayloads: a job missing here or not there does not compile. */
const JOB_NAMES: { [Q in QueueName]: { [N in keyof JobPayloads[Q]]: true } } = {
  'identity-maintenance': { 'purge-expired-tokens': true },
  mail: { deliver: true },
  'mail-batch': { 'deliver-batch': true },
  fanout: { expand: true },
  'carers-maintenance': {
    'escalate-overdue-signals': true,
    'remind-rescreening': true,
    'request-reconfirmation': true,
  },
  'respite-maintenance': { 'expire-waitlist-offers': true },
  'volunteers-maintenance': { 'remind-expiring': true },
  appreciation: { 'announce-campaign': true, 'remind-expiring-vouchers': true },
  'activities-maintenance': { 'remind-sessions': true, 'expire-place-offers': true, 'forget-residents': true },
  privacy: { 'drop-delivery-jobs': true, 'apply-retention': true },
  'intake-maintenance': { 'purge-unanswered-referrals': true, 'ask-feedback': true },
};

/** Whether this release has a queue and a handler for the job (an outbox entry may come from another release). */
export function isKnownJob(queue: string, name: string): queue is QueueName {
  return Object.hasOwn(JOB_NAMES, queue) && Object.hasOwn(JOB_NAMES[queue as QueueName], name);
}
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

/** Jobs that take no payload, the only ones a schedule can start. */
type PayloadlessJob<Q extends QueueName> = {
  [N in JobName<Q>]: JobPayloads[Q][N] extends Record<string, never> ? N : never;
}[JobName<Q>];

/** A repeatable job: every so many milliseconds, or a cron pattern read in Europe/Amsterdam time. */
export type JobSchedule = { every: number } | { pattern: string };

/** Every repeatable job of the platform, in one table; the worker registers exactly these at start. */
export const JOB_SCHEDULES: { [Q in QueueName]?: { [N in PayloadlessJob<Q>]?: JobSchedule } } = {
  'identity-maintenance': { 'purge-expired-tokens': { pattern: '15 3 * * *' } },
  'carers-maintenance': {
    'escalate-overdue-signals': { every: 15 * 60_000 },
    'remind-rescreening': { pattern: '0 10 * * 1-5' },
    'request-reconfirmation': { pattern: '30 10 * * 1-5' },
  },
  'respite-maintenance': { 'expire-waitlist-offers': { every: 60_000 } },
  'volunteers-maintenance': { 'remind-expiring': { pattern: '0 9 * * 1-5' } },
  appreciation: { 'remind-expiring-vouchers': { pattern: '0 9 * * *' } },
  'activities-maintenance': {
    'remind-sessions': { every: 15 * 60_000 },
    'expire-place-offers': { every: 5 * 60_000 },
    'forget-residents': { every: 6 * 3_600_000 },
  },
  privacy: { 'apply-retention': { pattern: '45 3 * * *' } },
  'intake-maintenance': {
    'purge-unanswered-referrals': { pattern: '30 3 * * *' },
    'ask-feedback': { every: 15 * 60_000 },
  },
};

/** The time zone of every schedule pattern. */
export const SCHEDULE_TIME_ZONE = 'Europe/Amsterdam';

export const QUEUES = {
  identityMaintenance: 'identity-maintenance',
  mail: 'mail',
  mailBatch: 'mail-batch',
  fanout: 'fanout',
  carersMaintenance: 'carers-maintenance',
  respiteMaintenance: 'respite-maintenance',
  volunteersMaintenance: 'volunteers-maintenance',
  appreciation: 'appreciation',
  activitiesMaintenance: 'activities-maintenance',
  privacy: 'privacy',
  intakeMaintenance: 'intake-maintenance',
} as const satisfies Record<string, QueueName>;

/** Retries with exponential backoff; finished jobs are dropped so Redis stays bounded. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};
