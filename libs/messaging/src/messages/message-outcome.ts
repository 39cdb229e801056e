/**
 * How a message ended, a closed list (backed by the check ck_message_outcome): sent, skipped for a
 * stated reason, failed for a stated reason, or cancelled. Null while the message is queued.
 */
export const MESSAGE_OUTCOMES = {
  sent: 'sent',
  /** Printed and posted as a letter (the person's channel is post). */
  printed: 'printed',
  /** Campaign mail to a person who opted out of it. */
  skippedOptedOut: 'skipped_opted_out',
  /** Campaign mail to a person whose channel is post, from before the print queue. */
  skippedPost: 'skipped_post',
  skippedNoEmailAddress: 'skipped_no_email_address',
  /** The account no longer exists. */
  skippedRecipientGone: 'skipped_recipient_gone',
  /** The mail server refused it for good (a 5xx reply; see smtpReplyCode). */
  failedRejected: 'failed_rejected',
  /** Temporary failures went on past the retry window (see smtpReplyCode for the last reply). */
  failedRetriesExhausted: 'failed_retries_exhausted',
  /** Something other than the mail server went wrong on every attempt (rendering, the database). */
  failedError: 'failed_error',
  /** Withdrawn before it was sent (a cancelled booking's reminder). */
  cancelled: 'cancelled',
  /** Withdrawn because its person was erased. */
  cancelledErased: 'cancelled_erased',
} as const;

export type MessageOutcome = (typeof MESSAGE_OUTCOMES)[keyof typeof MESSAGE_OUTCOMES];

export const MESSAGE_OUTCOME_VALUES: MessageOutcome[] = Object.values(MESSAGE_OUTCOMES);
