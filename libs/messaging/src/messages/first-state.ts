import { ContactChannel, Message, MessageCategory } from './message.entity';
import { MESSAGE_OUTCOMES } from './message-outcome';

/**
 * How a new message starts: mail is queued for the worker; for a person who chose post it is a
 * letter on the print queue, unless it is campaign mail they opted out of (when that is known).
 */
export function firstState(
  channel: ContactChannel,
  category: MessageCategory,
  campaignOptOut = false,
): Pick<Message, 'status' | 'outcome'> {
  if (channel !== 'post') return { status: 'queued', outcome: null };
  if (category === 'campaign' && campaignOptOut)
    return { status: 'skipped', outcome: MESSAGE_OUTCOMES.skippedOptedOut };
  return { status: 'to_print', outcome: null };
}
