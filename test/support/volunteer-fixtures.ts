import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, TEST_PASSWORD, uniqueEmail } from './factories';
import { seedCarers } from './respite-fixtures';
import { linkToken } from './smtp-sink';
import { TestApp } from './test-app';

export const ZONE = 'Europe/Amsterdam';
export const yearsAgo = (years: number) => DateTime.now().setZone(ZONE).minus({ years }).toISODate()!;

/** The Wednesday at least a week ahead. */
export function nextWednesday(): string {
  const soon = DateTime.now().setZone(ZONE).plus({ days: 7 });
  return soon.plus({ days: (3 - soon.weekday + 7) % 7 }).toISODate()!;
}

/** Profile of a volunteer who passes the hard filters of a Wednesday-afternoon transport request. */
export function volunteerProfile(lastName: string, overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Vrijwilliger',
    lastName,
    dateOfBirth: '1960-05-05',
    postcode: '1122 AA',
    houseNumber: '1',
    email: uniqueEmail('volunteer'),
    skills: ['transport'],
    languages: ['nl'],
    availability: ['3-middag', '5-ochtend'],
    maxMatches: 2,
    ...overrides,
  };
}

/** Registered by staff, with a VOG recorded unless `vog` is null. */
export async function registerVolunteer(
  app: TestApp,
  staffToken: string,
  lastName: string,
  overrides: Record<string, unknown> = {},
  vog: string | null = yearsAgo(1),
): Promise<string> {
  const created = await app.post('/api/v1/volunteers/registrations', {
    token: staffToken,
    body: volunteerProfile(lastName, overrides),
  });
  if (created.status !== 201) throw new Error(`registration failed: ${JSON.stringify(created.body)}`);
  if (vog)
    await app.request('PUT', `/api/v1/volunteers/${created.body.id}/vog`, {
      token: staffToken,
      body: { issuedOn: vog },
    });
  return created.body.id as string;
}

/** Signed up through the public route, email verified, signed in. */
export async function signUpVolunteer(app: TestApp, municipalityCode: string, overrides: Record<string, unknown> = {}) {
  const body = { municipalityCode, password: TEST_PASSWORD, ...volunteerProfile('Bakker'), ...overrides };
  const created = await app.post('/api/v1/volunteers', { body });
  if (created.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(created.body)}`);
  const mail = await app.smtp.waitFor(body.email);
  await app.post('/api/v1/auth/verify-email', { body: { token: linkToken(mail, '/verify-email') } });
  const login = await app.post('/api/v1/auth/login', { body: { email: body.email, password: TEST_PASSWORD } });
  return { id: created.body.id as string, token: login.body.accessToken as string, email: body.email };
}

/** A municipality with wijken Dorp (1121), Oost (1122) and Noord (1123), a staff member, and two carers, the first living in Dorp. */
export async function setUpMatching(app: TestApp) {
  const municipality = await createMunicipality(app);
  const admin = await createPerson(app, municipality, 'admin');
  const staff = await createPerson(app, municipality, 'staff');
  const dorp = (
    await app.post('/api/v1/wijken', {
      token: admin.accessToken,
      body: { name: 'Dorp', postcodeRanges: [{ from: 1121, to: 1121 }] },
    })
  ).body.id as string;
  const oost = (
    await app.post('/api/v1/wijken', {
      token: admin.accessToken,
      body: { name: 'Oost', postcodeRanges: [{ from: 1122, to: 1122 }] },
    })
  ).body.id as string;
  const noord = (
    await app.post('/api/v1/wijken', {
      token: admin.accessToken,
      body: { name: 'Noord', postcodeRanges: [{ from: 1123, to: 1123 }] },
    })
  ).body.id as string;
  const [carer, otherCarer] = await seedCarers(app, municipality, 2);
  await app.app.get(DataSource).query('UPDATE carer SET wijk_id = $1 WHERE id = $2', [dorp, carer.carerId]);
  return { municipality, admin, staff, carer: carer, otherCarer: otherCarer, wijken: { dorp, oost, noord } };
}

/** A carer's help request, with transport as the skill it needs; its id. */
export async function askForHelp(
  app: TestApp,
  carerToken: string,
  careRelationshipId: string,
  kind = 'transport',
  dates = [{ date: nextWednesday(), dagdeel: 'middag' }],
): Promise<string> {
  const created = await app.post('/api/v1/me/help-requests', {
    token: carerToken,
    body: { kind, careRelationshipId, wantedDates: dates, requiredSkills: ['transport'] },
  });
  return created.body.id as string;
}

/** A signed-up volunteer with a valid VOG, proposed by staff for a carer's transport request. */
export async function proposeTransportTo(app: TestApp) {
  const { admin, staff, carer, municipality } = await setUpMatching(app);
  const volunteer = await signUpVolunteer(app, municipality.code, {
    skills: ['transport'],
    availability: ['3-middag'],
  });
  await app.request('PUT', `/api/v1/volunteers/${volunteer.id}/vog`, {
    token: staff.accessToken,
    body: { issuedOn: yearsAgo(1) },
  });
  const requestId = await askForHelp(app, carer.token, carer.relationshipId);
  const proposed = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
    token: staff.accessToken,
    body: { volunteerId: volunteer.id },
  });
  return { admin, staff, carer, volunteer, requestId, proposed, municipality };
}
