/** Parallel SMTP sends per worker process; the overall rate is MAIL_RATE_PER_SECOND. */
export const MAIL_CONCURRENCY = 20;
