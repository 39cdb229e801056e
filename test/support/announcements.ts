import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './factories';
import { TestApp } from './test-app';

/**
 * A municipality with an admin and `count` carer accounts written straight to the database (every
 * fifth reads English), and the mail the sink has received for those carers.
 */
export async function municipalityWithCarerAccounts(app: TestApp, count: number) {
  const municipality = await createMunicipality(app);
  const admin = await createPerson(app, municipality, 'admin');
  const batch = randomBytes(4).toString('hex');
  await app.app.get(DataSource).query(
    `INSERT INTO account (municipality_id, email, role, language)
     SELECT $1, 'fan-' || g || '-' || $2 || '@example.nl', 'carer', CASE WHEN g % 5 = 0 THEN 'en' ELSE 'nl' END
       FROM generate_series(1, $3) g`,
    [municipality.id, batch, count],
  );
  const mailToThem = () => app.smtp.messages.filter((mail) => mail.to[0]?.endsWith(`-${batch}@example.nl`));
  return { municipality, admin, mailToThem };
}

/** An announcement to every carer of the admin's municipality: a fan-out; 202 with its `fanoutId`. */
export function announceToCarers(app: TestApp, adminToken: string) {
  return app.post('/api/v1/announcements', {
    token: adminToken,
    body: {
      subject: { nl: 'Nieuws van het steunpunt', en: 'News from the support point' },
      body: { nl: 'Welkom.', en: 'Welcome.' },
      audience: { roles: ['carer'] },
    },
  });
}
