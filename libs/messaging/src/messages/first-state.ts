import { ContactChannel, Message } from './message.entity';

/**
 * How a new message starts: mail is queued for the worker; for a person who chose post it is a
 * letter on the print queue. A fan-out, which knows the person's campaign opt-out, also skips
 * campaign letters to those who opted out (in its own SQL, FanoutExpansionProcessor).
 */
export function firstState(channel: ContactChannel): Pick<Message, 'status' | 'outcome'> {
  return channel === 'post' ? { status: 'to_print', outcome: null } : { status: 'queued', outcome: null };
}
