/**
 * Parallel SMTP sends per worker process; the overall rate is MAIL_RATE_PER_SECOND. Four per
 * pooled connection (MailTransport has ten): a connection always has the next message waiting
 * while the outcome of its last one is written. What a crash can repeat is at most one message
 * per slot: those on the wire (one per connection) and those accepted whose outcome is still
 * being written; messages waiting for a connection were never sent.
 */
export const MAIL_CONCURRENCY = 40;
