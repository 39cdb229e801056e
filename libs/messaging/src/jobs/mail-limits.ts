/** Parallel SMTP sends per worker process, and the most messages per second per worker. */
export const MAIL_CONCURRENCY = 20;
export const MAIL_SEND_LIMIT = { max: 200, duration: 1000 };
