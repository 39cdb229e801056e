import { randomBytes } from 'node:crypto';
import { MAIL_CONCURRENCY } from '@app/messaging';
import { DataSource } from 'typeorm';
import { createEvent } from './support/activity-fixtures';
import { createMunicipality, createPerson } from './support/factories';
import { messageIdsByRecipient, WorkerProcess } from './support/killed-worker';
import { TestApp } from './support/test-app';

const CARERS = 5000;

describe('Dag van de Mantelzorg invitations survive a killed worker', () => {
  let app: TestApp;
  const worker = new WorkerProcess();

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await worker.kill();
    await app.close();
  });

  it(`invites each of ${CARERS} carers exactly once when the worker is killed mid-way and restarted`, async () => {
    const dataSource = app.app.get(DataSource);
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const batch = randomBytes(4).toString('hex');
    await dataSource.query(
      `WITH accounts AS (
         INSERT INTO account (municipality_id, email, role, language, email_verified_at)
         SELECT $1, 'dvdm-' || g || '-' || $2 || '@example.nl', 'carer', CASE WHEN g % 5 = 0 THEN 'en' ELSE 'nl' END, now() FROM generate_series(1, $3) g
         RETURNING id)
       INSERT INTO carer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, status, registered_by, confirmed_at)
       SELECT $1, id, 'Test', 'Carer', '1958-03-01', '1121AB', '1', 'active', 'self', now() FROM accounts`,
      [municipality.id, batch, CARERS],
    );
    const event = await createEvent(app, admin.accessToken, {
      capacity: 400,
      occasion: 'dag_van_de_mantelzorg',
      title: 'Dag van de Mantelzorg',
      sessions: undefined,
    });
    await worker.start();
    const started = await app.post(`/api/v1/activities/${event.id}/invitations`, {
      token: admin.accessToken,
      body: { audience: { all: true } },
    });
    expect(started.status).toBe(202);
    const ours = () => app.smtp.messages.filter((mail) => mail.to[0]?.endsWith(`-${batch}@example.nl`));

    const progress = await worker.killMidwayAndFinish(
      app,
      admin.accessToken,
      started.body.fanoutId,
      () => ours().length,
      CARERS,
    );

    expect(progress).toEqual({ total: CARERS, sent: CARERS, failed: 0, skipped: 0, toPrint: 0, done: true });
    const invitations = ours();
    const messageIds = messageIdsByRecipient(invitations);
    expect(messageIds.size).toBe(CARERS);
    // A mail in a send slot at the kill may be resent, with the same Message-ID: one invitation per carer.
    expect([...messageIds.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(invitations.length - CARERS).toBeLessThanOrEqual(MAIL_CONCURRENCY);
    expect(new Set(invitations.map((mail) => mail.subject))).toEqual(
      new Set(['Uitnodiging: Dag van de Mantelzorg', 'Invitation: Dag van de Mantelzorg']),
    );
    const [rows] = await dataSource.query(
      'SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS people FROM activity_invitation WHERE activity_id = $1',
      [event.id],
    );
    expect(rows).toEqual({ n: CARERS, people: CARERS });
  }, 300_000);
});
