import { PortalRoutes } from '@app/portal';
import { DataSource } from 'typeorm';
import { createPerson, TEST_PASSWORD } from './support/factories';
import { populateMunicipality } from './support/municipal-records';
import { HttpAnswer, TestApp } from './support/test-app';

interface PortalForm {
  page: string;
  action: string;
  fields: Record<string, string>;
}

/** Forms that end the session or the account: sent last would be no use, sent first would end the run. */
const SESSION_ENDING = new Set(['/sign-out', '/till/sign-out', '/my-data/erase']);
const WRONG_VALUES = [
  'x'.repeat(5_000),
  'a\u0000b',
  '-1',
  '99999999999999999999',
  '1e400',
  '2027-02-30',
  '<script>x</script>',
  '',
];

/**
 * Every page of the portal a role may open, and every form on it, sent as drawn and then with one
 * field at a time set to something no form offers: huge, NUL-holding, negative, enormous,
 * impossible dates, markup, empty. Each answer is a page or a redirect, never a failure page.
 */
describe('fuzzed forms of the portal', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The worker delivers the volunteer's confirmation mail.
    app = await TestApp.start({ worker: true });
  });
  afterAll(() => app.close());

  it('answers every form of every page, with wrong values, with a page and never a failure', async () => {
    const municipality = await populateMunicipality(app);
    const dataSource = app.app.get(DataSource);
    const admin = await createPerson(app, municipality, 'admin');
    // The populated carer and volunteer get the admin's password, so they can sign in as anyone would.
    // TypeORM answers an UPDATE with [rows, count].
    const [people] = await dataSource.query<[Array<{ email: string }>, number]>(
      `UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1), email_verified_at = now()
        WHERE id IN (SELECT account_id FROM carer WHERE municipality_id = $2 ORDER BY created_at LIMIT 1)
           OR id IN (SELECT account_id FROM volunteer WHERE municipality_id = $2 AND account_id IS NOT NULL LIMIT 1)
       RETURNING email`,
      [admin.id, municipality.id],
    );
    const staff = await createPerson(app, municipality, 'staff');
    // The admin last: its forms disable staff and revoke keys.
    const emails = [...people.map(({ email }) => email), staff.email, admin.email];
    const pages = app.app
      .get(PortalRoutes)
      .all()
      .filter((route) => route.method === 'GET' && !route.path.includes(':'))
      .map((route) => route.path);

    const failures: string[] = [];
    let sent = 0;
    let formsSeen = 0;
    const statuses = new Map<number, number>();
    for (const email of emails) {
      const cookie = await signIn(email);
      for (const page of pages) {
        const drawn = await app.get(page, { headers: { cookie } });
        expectPage(drawn, `GET ${page} as ${email}`, failures);
        if (typeof drawn.body !== 'string') continue;
        for (const form of formsOf(page, drawn.body).filter((found) => !SESSION_ENDING.has(found.action))) {
          formsSeen += 1;
          for (const fields of [form.fields, ...wrongFields(form.fields)]) {
            const answer = await app.post(form.action, {
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
              rawBody: new URLSearchParams(fields).toString(),
            });
            sent += 1;
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            expectPage(
              answer,
              `POST ${form.action} (form of ${page}) as ${email} with ${JSON.stringify(fields).slice(0, 200)}`,
              failures,
            );
          }
        }
      }
    }
    process.stdout.write(
      `Portal fuzz: ${emails.length} people, ${pages.length} pages, ${formsSeen} forms, ${sent} posts; ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(formsSeen).toBeGreaterThan(20);
    // Most posts pass the CSRF check and reach their page's rules.
    expect(statuses.get(403) ?? 0).toBeLessThan(sent / 4);
    expect(failures).toEqual([]);
  }, 600_000);

  /** Signs in through the portal's own form; the session cookie. */
  async function signIn(email: string): Promise<string> {
    const form = await app.get('/sign-in');
    const cookie = String(form.headers['set-cookie']).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body as string)?.[1] ?? '';
    const answer = await app.post('/sign-in', {
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: new URLSearchParams({ _csrf: csrf, email, password: TEST_PASSWORD }).toString(),
    });
    if (answer.status !== 303) throw new Error(`portal sign-in of ${email} answered ${answer.status}`);
    return String(answer.headers['set-cookie'] ?? cookie).split(';')[0];
  }
});

function expectPage(answer: HttpAnswer, what: string, failures: string[]): void {
  const type = String(answer.headers['content-type'] ?? '');
  const download = String(answer.headers['content-disposition'] ?? '').startsWith('attachment');
  if (answer.status >= 500) failures.push(`${what}: ${answer.status}`);
  else if (answer.status !== 303 && !download && !/text\/html/.test(type))
    failures.push(`${what}: ${answer.status} as ${type}`);
}

/** The POST forms of a page as drawn: action and every named field with its value (a select's first option). */
function formsOf(page: string, html: string): PortalForm[] {
  const forms: PortalForm[] = [];
  for (const [, attributes, inner] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attributes)) continue;
    const action = /action="([^"]*)"/.exec(attributes)?.[1] || page;
    const fields: Record<string, string> = {};
    for (const [tag] of inner.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (!name || /type="(submit|button)"/.test(tag)) continue;
      if (/type="(checkbox|radio)"/.test(tag) && !/checked/.test(tag) && name in fields) continue;
      fields[name] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    forms.push({ page, action: decode(action), fields });
  }
  return forms;
}

function* wrongFields(fields: Record<string, string>): Generator<Record<string, string>> {
  for (const name of Object.keys(fields).filter((field) => field !== '_csrf'))
    for (const wrong of WRONG_VALUES) yield { ...fields, [name]: wrong };
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
