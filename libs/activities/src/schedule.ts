import { Activity, ActivitySession } from './activity.entity';

const HOUR = 3_600_000;

/**
 * Until when answers and enrolments can change: the cut-off before the first session of an
 * event or course, before the next session of an ongoing peer group. Null when nothing is ahead.
 */
export function responsesCloseAt(
  activity: Pick<Activity, 'kind' | 'responseCutoffHours'>,
  sessions: ActivitySession[],
  now = new Date(),
): Date | null {
  const live = sessions
    .filter((session) => !session.cancelledAt)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const anchor = activity.kind === 'peer_group' ? live.find((session) => session.startsAt > now) : live[0];
  if (!anchor) return null;
  return new Date(anchor.startsAt.getTime() - activity.responseCutoffHours * HOUR);
}

/** Courses and peer groups can be opened to residents without an account; events go by invitation. */
export function openToResidents(activity: Pick<Activity, 'kind' | 'alsoOpenTo' | 'cancelledAt'>): boolean {
  return activity.kind !== 'event' && activity.alsoOpenTo.includes('residents') && !activity.cancelledAt;
}
