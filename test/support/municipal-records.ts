import { Municipality } from '@app/identity';
import { DataSource } from 'typeorm';
import { createEvent } from './activity-fixtures';
import { Schema } from './openapi-operations';
import { bookSlot, hoursFromNow } from './respite-fixtures';
import { TestApp } from './test-app';
import { askForHelp, registerVolunteer, setUpMatching } from './volunteer-fixtures';

/** Tables of municipal records, each with its own id. */
export async function recordTables(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<Array<{ name: string }>>(
    `SELECT c.table_name AS name
       FROM information_schema.columns c
       JOIN information_schema.columns i
         ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
      WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id'
      ORDER BY 1`,
  );
  return rows.map(({ name }) => name);
}

/** One record's id per table, of the municipalities the condition on `municipality_id` picks. */
export async function idPerTable(
  dataSource: DataSource,
  tables: string[],
  condition: string,
  parameters: unknown[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const table of tables) {
    const [row] = await dataSource.query<Array<{ id: string }>>(
      `SELECT id::text FROM ${table} WHERE ${condition} LIMIT 1`,
      parameters,
    );
    if (row) ids.set(table, row.id);
  }
  return ids;
}

export const looksLikeId = (name: string, schema: Schema | undefined) =>
  schema?.format === 'uuid' || /(^id|Id)$/.test(name);

/** A municipality with carers, a booked slot, a volunteer matched to a help request, an event, a question, an overloaded screening and a partner. */
export async function populateMunicipality(app: TestApp): Promise<Municipality> {
  const { municipality, admin, staff, carer } = await setUpMatching(app);
  await app.patch('/api/v1/municipality/settings', {
    token: admin.accessToken,
    body: { respiteMinimumNoticeHours: 1 },
  });
  const offer = await app.post('/api/v1/respite/offers', {
    token: staff.accessToken,
    body: { kind: 'day_care', name: 'De Linde', location: 'Dorpsstraat 1', suitability: ['dementia'] },
  });
  const slot = await app.post(`/api/v1/respite/offers/${offer.body.id}/slots`, {
    token: staff.accessToken,
    body: { startsAt: hoursFromNow(48), endsAt: hoursFromNow(52), capacity: 2 },
  });
  expect((await bookSlot(app, carer.token, slot.body.id, carer.relationshipId)).status).toBe(201);
  const volunteerId = await registerVolunteer(app, staff.accessToken, 'Jansen', {
    skills: ['transport'],
    availability: ['3-middag'],
  });
  const requestId = await askForHelp(app, carer.token, carer.relationshipId);
  const match = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
    token: staff.accessToken,
    body: { volunteerId },
  });
  expect(match.status).toBe(201);
  await createEvent(app, admin.accessToken);
  const question = await app.post('/api/v1/me/questions', {
    token: carer.token,
    body: { topic: 'client_support', text: 'Waar vind ik hulp bij de administratie?' },
  });
  expect(question.status).toBe(201);
  // An overloaded screening raises a signal for staff to follow up.
  const screening = await app.post('/api/v1/me/screenings', {
    token: carer.token,
    body: { instrument: 'ediz', answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
  });
  expect(screening.status).toBe(201);
  await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Bloemist' } });
  return municipality;
}

/**
 * The tables an id field may point into, by its name: `slotId` → respite_slot, `{id}` after
 * `/carers` → carer; every table when the name says nothing.
 */
export function tablesFor(name: string, path: string, tables: string[]): string[] {
  const named = namedTables(name, path, tables);
  return named.length > 0 ? named : tables;
}

/** The tables the field's name points into; none when it says nothing. */
export function namedTables(name: string, path: string, tables: string[]): string[] {
  const segments = path.split('/');
  const noun =
    name === 'id'
      ? (segments[segments.indexOf('{id}') - 1] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
      : name.replace(/Id$/, '');
  const snake = noun
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/-/g, '_');
  return snake === 'user' ? ['account'] : tables.filter((table) => table === snake || table.endsWith(`_${snake}`));
}

/** A body field holding a list of ids, such as `socialMapEntryIds`. */
export function listsIds(name: string, schema: Schema | undefined): boolean {
  return schema?.type === 'array' && /Ids$/.test(name);
}
