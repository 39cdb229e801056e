import { ActivityInvitation } from '@app/activities';
import { LinkTokens } from '@app/messaging';
import { DataSource } from 'typeorm';
import { hoursFromNow } from './respite-fixtures';
import { TestApp } from './test-app';
import { waitUntil } from './wait';

export const RSVP_PURPOSE = 'activity-rsvp';

/** An event a given number of hours ahead, three hours long. */
export async function createEvent(
  app: TestApp,
  token: string,
  body: Record<string, unknown> = {},
  startsInHours = 24 * 14,
) {
  const answer = await app.post('/api/v1/activities', {
    token,
    body: {
      kind: 'event',
      title: 'Dag van de Mantelzorg',
      capacity: 100,
      sessions: [{ startsAt: hoursFromNow(startsInHours), endsAt: hoursFromNow(startsInHours + 3) }],
      ...body,
    },
  });
  if (answer.status !== 201) throw new Error(`event not created: ${JSON.stringify(answer.body)}`);
  return answer.body as {
    id: string;
    sessions: Array<{ id: string; startsAt: string; endsAt: string }>;
    remaining: number;
  };
}

/** Invites and waits until the fan-out is done. */
export async function inviteAndWait(
  app: TestApp,
  adminToken: string,
  activityId: string,
  audience: Record<string, unknown>,
) {
  const started = await app.post(`/api/v1/activities/${activityId}/invitations`, {
    token: adminToken,
    body: { audience },
  });
  if (started.status !== 202) throw new Error(`invitation not started: ${JSON.stringify(started.body)}`);
  return waitUntil(
    async () => {
      const progress = await app.get(`/api/v1/fanouts/${started.body.fanoutId}`, { token: adminToken });
      return progress.body.done ? { fanoutId: started.body.fanoutId as string, ...progress.body } : undefined;
    },
    30_000,
    'invitations sent',
  );
}

/** RSVP tokens of an activity's invitations by account, signed as the invitation mail signs them. */
export async function rsvpTokens(app: TestApp, activityId: string): Promise<Map<string, string>> {
  const invitations = await app.app.get(DataSource).getRepository(ActivityInvitation).findBy({ activityId });
  const tokens = app.app.get(LinkTokens);
  return new Map(
    invitations.map((invitation) => [invitation.accountId, tokens.sign(RSVP_PURPOSE, invitation.id, 3600)]),
  );
}

export function formPost(app: TestApp, path: string, fields: Record<string, string>) {
  return app.post(path, {
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** The token of the first link to a link page in a mail's text. */
export function linkIn(text: string, page: string): URL {
  const match = new RegExp(`http://localhost:3000/${page}\\?\\S+`).exec(text);
  if (!match) throw new Error(`no ${page} link in mail`);
  return new URL(match[0]);
}
