import { ownerDatabase } from './support/owner-database';
import { Municipality } from '@app/identity';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CampaignMailings } from '@app/appreciation';
import { createMunicipality, createPerson, TestPerson } from './support/factories';
import { seedCarers, SeededCarer } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { proposeTransportTo } from './support/volunteer-fixtures';
import { MatchService } from '@app/volunteers';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** The campaign year the tests create, in the municipality's time. */
const YEAR = DateTime.now().setZone('Europe/Amsterdam').year;

describe('appreciation: campaigns, applications, vouchers and redemptions', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const campaignBody = (overrides: Record<string, unknown> = {}) => ({
    year: YEAR,
    kind: 'voucher',
    amountCents: 5000,
    opensAt: hoursAgo(24),
    closesAt: hoursAgo(-24 * 30),
    rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either' },
    ...overrides,
  });

  async function setUp(campaign: Record<string, unknown> = {}) {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const staff = await createPerson(app, municipality, 'staff');
    const created = await app.post('/api/v1/appreciation/campaigns', {
      token: admin.accessToken,
      body: campaignBody(campaign),
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return { municipality, admin, staff, campaignId: created.body.id as string };
  }

  /** Carers who each care for a different person. */
  async function carers(municipality: Municipality, count: number): Promise<SeededCarer[]> {
    const seeded = await seedCarers(app, municipality, count);
    await dataSource.query(`UPDATE care_relationship SET care_recipient_name = 'R' || id WHERE id = ANY($1)`, [
      seeded.map((carer) => carer.relationshipId),
    ]);
    return seeded;
  }

  const apply = (campaignId: string, carer: SeededCarer, relationshipId = carer.relationshipId) =>
    app.post(`/api/v1/appreciation/campaigns/${campaignId}/applications`, {
      token: carer.token,
      body: { careRelationshipId: relationshipId },
    });

  async function partner(admin: TestPerson): Promise<string> {
    const created = await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Boekhandel' } });
    return created.body.apiKey as string;
  }

  const redeem = (
    apiKey: string,
    code: string,
    amountCents: number,
    headers: Record<string, string> = {},
    ip?: string,
  ) =>
    app.post('/api/v1/vouchers/redemptions', {
      headers: { 'x-api-key': apiKey, ...headers },
      body: { code, amountCents },
      ip,
    });

  it('lets admins set up one campaign a year and refuses bad input', async () => {
    const { municipality, admin, staff, campaignId } = await setUp({ budgetCents: 100_000 });
    const campaign = await app.get(`/api/v1/appreciation/campaigns/${campaignId}`, { token: staff.accessToken });
    expect(campaign.body).toMatchObject({
      year: YEAR,
      amountCents: 5000,
      budgetCents: 100_000,
      spentCents: 0,
      rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either', minAge: 0 },
    });
    // A year after the closing day, as the municipality counts days.
    const closingDay = DateTime.fromISO(campaign.body.closesAt as string).setZone('Europe/Amsterdam');
    expect(campaign.body.vouchersExpireOn).toBe(closingDay.plus({ years: 1 }).toISODate());

    const refused = [
      [campaignBody(), 409],
      [campaignBody({ year: YEAR + 1, closesAt: hoursAgo(48) }), 422],
      [campaignBody({ year: YEAR + 1, amountCents: '5000' }), 400],
      [campaignBody({ year: YEAR + 1, amountCents: -1 }), 400],
      [campaignBody({ year: YEAR + 1, rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'somewhere' } }), 400],
      [campaignBody({ year: YEAR + 1, rules: undefined }), 400],
      [campaignBody({ year: YEAR + 1, kind: 'x'.repeat(100_000) }), 400],
      [campaignBody({ year: YEAR + 1, extra: true }), 400],
    ] as const;
    for (const [body, status] of refused) {
      const answer = await app.post('/api/v1/appreciation/campaigns', { token: admin.accessToken, body });
      expect({ body, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        body,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    expect(
      (
        await app.post('/api/v1/appreciation/campaigns', {
          token: staff.accessToken,
          body: campaignBody({ year: 2028 }),
        })
      ).status,
    ).toBe(403);
    const [count] = await dataSource.query(
      'SELECT count(*)::int AS n FROM appreciation_campaign WHERE municipality_id = $1',
      [municipality.id],
    );
    expect(count.n).toBe(1);

    const other = await createMunicipality(app);
    const otherStaff = await createPerson(app, other, 'staff');
    expect(
      (await app.get(`/api/v1/appreciation/campaigns/${campaignId}`, { token: otherStaff.accessToken })).status,
    ).toBe(404);
  });

  it('approves an eligible carer with reasons, issues and mails a voucher, and refuses a second application', async () => {
    const { municipality, campaignId } = await setUp();
    const [carer, lowHours] = await carers(municipality, 2);
    const answer = await apply(campaignId, carer);
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('approved');
    expect(
      answer.body.reasons.map((reason: { rule: string; outcome: string }) => [reason.rule, reason.outcome]),
    ).toEqual([
      ['min_hours_per_week', 'met'],
      ['min_months', 'met'],
      ['residency', 'met'],
      ['one_award_per_care_recipient', 'met'],
    ]);
    expect(answer.body.voucher).toMatchObject({
      valueCents: 5000,
      balanceCents: 5000,
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/),
    });

    const mail = await app.smtp.waitFor(carer.email, 1, 10_000);
    expect(mail.subject).toBe('Dank u wel: uw waardebon');
    expect(mail.text).toContain(answer.body.voucher.code);
    const mine = await app.get('/api/v1/me/vouchers', { token: carer.token });
    expect(mine.body.items).toEqual([answer.body.voucher]);

    const again = await apply(campaignId, carer);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_APPLIED']);

    await dataSource.query('UPDATE care_relationship SET hours_per_week = 7.5 WHERE id = $1', [
      lowHours.relationshipId,
    ]);
    const rejected = await apply(campaignId, lowHours);
    expect(rejected.status).toBe(201);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.reasons[0]).toEqual({
      rule: 'min_hours_per_week',
      outcome: 'not_met',
      detail: '7.5 hours of care a week, fewer than the 8 asked',
    });
    expect(rejected.body.voucher).toBeNull();
    expect((await app.get('/api/v1/me/vouchers', { token: lowHours.token })).body.items).toEqual([]);
  });

  it('refuses closed windows, unverified carers, bad input and other municipalities', async () => {
    const { municipality, campaignId } = await setUp();
    const closed = await setUp({ opensAt: hoursAgo(-24), closesAt: hoursAgo(-48) });
    const [carer, unverified] = await carers(municipality, 2);
    const closedCarer = (await carers(closed.municipality, 1))[0];
    expect((await apply(closed.campaignId, closedCarer)).body.code).toBe('CAMPAIGN_CLOSED');
    await dataSource.query('UPDATE account SET email_verified_at = NULL WHERE id = $1', [unverified.accountId]);
    expect((await apply(campaignId, unverified)).body.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await apply(closed.campaignId, carer)).status).toBe(404);
    expect((await apply(campaignId, carer, closedCarer.relationshipId)).status).toBe(404);
    expect(
      (
        await app.post(`/api/v1/appreciation/campaigns/${campaignId}/applications`, {
          token: carer.token,
          body: { careRelationshipId: 42 },
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.post(`/api/v1/appreciation/campaigns/${campaignId}/applications`, { token: carer.token, body: {} }))
        .status,
    ).toBe(400);
    const [rows] = await dataSource.query(
      'SELECT count(*)::int AS n FROM appreciation_application WHERE carer_id = ANY($1)',
      [[carer.carerId, unverified.carerId, closedCarer.carerId]],
    );
    expect(rows.n).toBe(0);
  });

  it('sends a second carer of the same person to staff review, who approve or reject with a reason', async () => {
    const { municipality, staff, campaignId } = await setUp();
    const [first, second, third] = await seedCarers(app, municipality, 3);
    expect((await apply(campaignId, first)).body.status).toBe('approved');
    const doubtful = await apply(campaignId, second);
    expect(doubtful.body.status).toBe('needs_review');
    expect(doubtful.body.reasons.at(-1)).toMatchObject({ rule: 'one_award_per_care_recipient', outcome: 'unclear' });
    const nominated = await app.post(`/api/v1/appreciation/campaigns/${campaignId}/nominations`, {
      token: staff.accessToken,
      body: { carerId: third.carerId, careRelationshipId: third.relationshipId },
    });
    expect([nominated.status, nominated.body.status, nominated.body.nominated]).toEqual([201, 'needs_review', true]);

    const queue = await app.get('/api/v1/appreciation/applications/review', { token: staff.accessToken });
    expect(queue.body.items.map((item: { id: string }) => item.id)).toEqual([doubtful.body.id, nominated.body.id]);
    const approved = await app.post(`/api/v1/appreciation/applications/${doubtful.body.id}/review`, {
      token: staff.accessToken,
      body: { decision: 'approve', note: 'Twee kinderen zorgen beiden' },
    });
    expect([approved.status, approved.body.status, approved.body.voucher.valueCents]).toEqual([200, 'approved', 5000]);
    const rejected = await app.post(`/api/v1/appreciation/applications/${nominated.body.id}/review`, {
      token: staff.accessToken,
      body: { decision: 'reject', note: 'Zelfde adres' },
    });
    expect([rejected.body.status, rejected.body.reviewNote, rejected.body.voucher]).toEqual([
      'rejected',
      'Zelfde adres',
      null,
    ]);
    expect(
      (
        await app.post(`/api/v1/appreciation/applications/${nominated.body.id}/review`, {
          token: staff.accessToken,
          body: { decision: 'approve', note: 'toch' },
        })
      ).body.code,
    ).toBe('APPLICATION_NOT_IN_REVIEW');
    expect(
      (
        await app.post(`/api/v1/appreciation/applications/${doubtful.body.id}/review`, {
          token: staff.accessToken,
          body: { decision: 'maybe', note: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.post(`/api/v1/appreciation/applications/${doubtful.body.id}/review`, {
          token: second.token,
          body: { decision: 'approve', note: 'x' },
        })
      ).status,
    ).toBe(403);
    const [spent] = await dataSource.query(
      'SELECT spent_cents, awarded_count FROM appreciation_campaign WHERE id = $1',
      [campaignId],
    );
    expect(spent).toEqual({ spent_cents: 10_000, awarded_count: 2 });
  });

  it('keeps one award per carer when the same carer applies many times at once', async () => {
    const { municipality, campaignId } = await setUp();
    const [carer] = await carers(municipality, 1);
    const answers = await Promise.all(Array.from({ length: 20 }, () => apply(campaignId, carer)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(
      answers.filter((answer) => answer.status === 409).every((answer) => answer.body.code === 'ALREADY_APPLIED'),
    ).toBe(true);
    const [rows] = await dataSource.query(
      'SELECT (SELECT count(*)::int FROM appreciation_application WHERE carer_id = $1) AS applications, (SELECT count(*)::int FROM voucher WHERE carer_id = $1) AS vouchers',
      [carer.carerId],
    );
    expect(rows).toEqual({ applications: 1, vouchers: 1 });
  });

  /** Carers who tell the same address for the person they care for: the same person, whatever their own address. */
  async function carersOfOnePerson(municipality: Municipality, count: number): Promise<SeededCarer[]> {
    const seeded = await carers(municipality, count);
    for (const carer of seeded) {
      const told = await app.request('PATCH', `/api/v1/me/care-relationships/${carer.relationshipId}`, {
        token: carer.token,
        body: { careRecipientPostcode: '1122 ab', careRecipientHouseNumber: '7' },
      });
      expect(told.status).toBe(200);
    }
    const [row] = await dataSource.query('SELECT recipient_address_hash FROM care_relationship WHERE id = $1', [
      seeded[0].relationshipId,
    ]);
    expect(row.recipient_address_hash).toMatch(/^[0-9a-f]{64}$/);
    return seeded;
  }

  it('finds carers of one person by the address they give for that person, even at other addresses', async () => {
    const { municipality, campaignId } = await setUp();
    const [first, second] = await carersOfOnePerson(municipality, 2);
    await dataSource.query(`UPDATE carer SET postcode = '1121ZZ' WHERE id = $1`, [second.carerId]);
    expect((await apply(campaignId, first)).body.status).toBe('approved');
    const doubt = await apply(campaignId, second);
    expect(doubt.body.status).toBe('needs_review');
    const halfTold = await app.request('PATCH', `/api/v1/me/care-relationships/${first.relationshipId}`, {
      token: first.token,
      body: { careRecipientPostcode: '1122 AB' },
    });
    expect([halfTold.status, halfTold.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('splits the amount equally among carers of one person, adjusting vouchers not used yet, also when they apply at once', async () => {
    const { municipality, admin, campaignId } = await setUp({ sharedCareRule: 'split_equally', budgetCents: 100_000 });
    const [a, b, c] = await carersOfOnePerson(municipality, 3);
    const racing = await Promise.all([apply(campaignId, a), apply(campaignId, b)]);
    expect(racing.map((answer) => answer.body.status)).toEqual(['approved', 'approved']);
    const values = async () =>
      (
        await dataSource.query<Array<{ value_cents: number; balance_cents: number }>>(
          'SELECT value_cents, balance_cents FROM voucher WHERE campaign_id = $1 ORDER BY created_at',
          [campaignId],
        )
      ).map((voucher) => voucher.value_cents);
    expect(await values()).toEqual([2500, 2500]);
    // The first voucher is used a little: it keeps its value; the rest of the amount is shared by the others.
    const apiKey = await partner(admin);
    const firstCode = racing.find((answer) => answer.body.voucher)!.body.voucher.code as string;
    expect((await redeem(apiKey, firstCode, 100)).status).toBe(201);
    expect((await apply(campaignId, c)).body.status).toBe('approved');
    expect((await values()).sort()).toEqual([1250, 1250, 2500]);
    const [spent] = await dataSource.query('SELECT spent_cents FROM appreciation_campaign WHERE id = $1', [campaignId]);
    expect(spent.spent_cents).toBe(5000);
  });

  it('rewards only the first carer of a person when the campaign says so, also when two apply at once', async () => {
    const { municipality, campaignId } = await setUp({ sharedCareRule: 'first_only' });
    const [a, b] = await carersOfOnePerson(municipality, 2);
    const racing = await Promise.all([apply(campaignId, a), apply(campaignId, b)]);
    expect(racing.map((answer) => answer.body.status).sort()).toEqual(['approved', 'rejected']);
    const rejected = racing.find((answer) => answer.body.status === 'rejected')!;
    expect(rejected.body.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'shared_care_first_only', outcome: 'not_met' })]),
    );
    const [count] = await dataSource.query('SELECT count(*)::int AS n FROM voucher WHERE campaign_id = $1', [
      campaignId,
    ]);
    expect(count.n).toBe(1);
  });

  it('thanks volunteers too where the campaign says so, by their own rules, and records a VOG cost paid back', async () => {
    const { admin, staff, carer, volunteer, proposed } = await proposeTransportTo(app);
    await app.app.get(MatchService).answer(proposed.body.id, true);
    const campaign = (overrides: Record<string, unknown>) =>
      app.post('/api/v1/appreciation/campaigns', {
        token: admin.accessToken,
        body: campaignBody(overrides),
      });
    expect((await campaign({ audience: 'volunteers' })).status).toBe(400);
    expect((await campaign({ volunteerRules: { minActiveMonths: 0, minHoursLogged: 2 } })).status).toBe(400);
    const created = await campaign({
      audience: 'volunteers',
      volunteerRules: { minActiveMonths: 0, minHoursLogged: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      audience: 'volunteers',
      volunteerRules: { minActiveMonths: 0, minHoursLogged: 2 },
    });
    // The opening is announced to volunteers in their own words, and not to carers.
    const announcement = await app.smtp.waitForSubject(
      volunteer.email,
      `Vrijwilligerswaardering ${YEAR}: vraag hem nu aan`,
      15_000,
    );
    expect(announcement.text).toContain('/appreciation');
    expect(app.smtp.to(carer.email).filter((mail) => mail.subject.includes('waardering'))).toHaveLength(0);
    const apply = () =>
      app.post(`/api/v1/appreciation/campaigns/${created.body.id}/volunteer-applications`, {
        token: volunteer.token,
        body: {},
      });

    // Too few hours: rejected, with the rule explained; after logging hours, approved and paid.
    const early = await apply();
    expect(early.body.status).toBe('rejected');
    expect(early.body.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'volunteer_min_hours', outcome: 'not_met' })]),
    );
    const today = DateTime.now().setZone('Europe/Amsterdam').toISODate()!;
    await app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
      token: volunteer.token,
      body: { workedOn: today, hours: 3 },
    });
    const approved = await apply();
    expect([approved.status, approved.body.status, approved.body.volunteerId]).toEqual([201, 'approved', volunteer.id]);
    expect(approved.body.voucher.valueCents).toBe(5000);
    expect((await apply()).body.code).toBe('ALREADY_APPLIED');
    const mine = await app.get('/api/v1/me/vouchers', { token: volunteer.token });
    expect(mine.body.items.map((item: { code: string }) => item.code)).toEqual([approved.body.voucher.code]);

    // A carer cannot apply to a campaign for volunteers.
    const byCarer = await app.post(`/api/v1/appreciation/campaigns/${created.body.id}/applications`, {
      token: carer.token,
      body: { careRelationshipId: carer.relationshipId },
    });
    expect([byCarer.status, byCarer.body.code]).toEqual([403, 'CAMPAIGN_NOT_FOR_YOU']);

    const vog = await app.request('PUT', `/api/v1/volunteers/${volunteer.id}/vog`, {
      token: staff.accessToken,
      body: { issuedOn: today, costReimbursed: true },
    });
    expect(vog.body.vogCostReimbursedOn).toBe(today);
  });

  it('never passes the budget cap when many carers apply at once', async () => {
    const { municipality, campaignId } = await setUp({ budgetCents: 25_000 });
    const many = await carers(municipality, 30);
    const answers = await Promise.all(many.map((carer) => apply(campaignId, carer)));
    expect(answers.filter((answer) => answer.status === 201 && answer.body.status === 'approved')).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual(
      Array(25).fill('CAMPAIGN_BUDGET_EXHAUSTED'),
    );
    const [rows] = await dataSource.query(
      `SELECT c.spent_cents, c.awarded_count, (SELECT count(*)::int FROM voucher v WHERE v.campaign_id = c.id) AS vouchers,
              (SELECT count(*)::int FROM appreciation_application a WHERE a.campaign_id = c.id) AS applications
         FROM appreciation_campaign c WHERE c.id = $1`,
      [campaignId],
    );
    expect(rows).toEqual({ spent_cents: 25_000, awarded_count: 5, vouchers: 5, applications: 5 });
  });

  it("limits a partner's key to a campaign or to voucher kinds, and refuses a voucher outside them", async () => {
    const { municipality, admin, campaignId } = await setUp();
    const elsewhere = await setUp();
    const [carer] = await carers(municipality, 1);
    const code = (await apply(campaignId, carer)).body.voucher.code as string;
    const created = await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Filmhuis' } });
    const partnerId = created.body.id as string;
    const addKey = (body: Record<string, unknown>) =>
      app.post(`/api/v1/partners/${partnerId}/keys`, { token: admin.accessToken, body });

    expect((await addKey({ voucherKinds: ['gift_card'] })).status).toBe(400);
    expect((await addKey({ campaignId: 'not-a-uuid' })).status).toBe(400);
    expect((await addKey({ campaignId: elsewhere.campaignId })).status).toBe(404);
    const ticketsOnly = await addKey({ voucherKinds: ['culture_ticket'] });
    const thisCampaign = await addKey({ campaignId, voucherKinds: ['voucher'] });
    expect([ticketsOnly.status, thisCampaign.status]).toEqual([201, 201]);

    const refused = await redeem(ticketsOnly.body.apiKey, code, 500);
    expect([refused.status, refused.body.code]).toEqual([403, 'VOUCHER_NOT_ACCEPTED_WITH_KEY']);
    const accepted = await redeem(thisCampaign.body.apiKey, code, 500);
    expect([accepted.status, accepted.body.remainingCents]).toEqual([201, 4500]);
    const keys = await app.get(`/api/v1/partners/${partnerId}/keys`, { token: admin.accessToken });
    expect(keys.body.items).toContainEqual(
      expect.objectContaining({ id: thisCampaign.body.id, campaignId, voucherKinds: ['voucher'] }),
    );
    const [voucher] = await dataSource.query('SELECT balance_cents FROM voucher WHERE carer_id = $1', [carer.carerId]);
    expect(voucher.balance_cents).toBe(4500);
  });

  it('lets partners spend a voucher in parts, never beyond its balance, once per idempotency key', async () => {
    const { municipality, admin, campaignId } = await setUp();
    const [carer] = await carers(municipality, 1);
    const code = (await apply(campaignId, carer)).body.voucher.code as string;
    const apiKey = await partner(admin);

    const first = await redeem(apiKey, code.toLowerCase().replace(/-/g, ' '), 1000, {
      'idempotency-key': 'till-1-receipt-1',
    });
    expect([first.status, first.body.remainingCents]).toEqual([201, 4000]);
    const replay = await redeem(apiKey, code.toLowerCase().replace(/-/g, ' '), 1000, {
      'idempotency-key': 'till-1-receipt-1',
    });
    expect([replay.status, replay.body, replay.headers['idempotent-replayed']]).toEqual([201, first.body, 'true']);

    // The answer of this one cannot be stored; the redemption itself commits, and a repeat never spends again.
    const owner = await ownerDatabase();
    await owner.query(`CREATE OR REPLACE FUNCTION refuse_answer() RETURNS trigger AS $$
      BEGIN IF NEW.key = 'till-1-receipt-2' AND NEW.response_sealed IS NOT NULL THEN RAISE EXCEPTION 'disk full'; END IF;
      RETURN NEW; END $$ LANGUAGE plpgsql`);
    await owner.query(
      'CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_record FOR EACH ROW EXECUTE FUNCTION refuse_answer()',
    );
    try {
      const unstored = await redeem(apiKey, code, 500, { 'idempotency-key': 'till-1-receipt-2' });
      expect([unstored.status, unstored.body.remainingCents]).toEqual([201, 3500]);
      const repeat = await redeem(apiKey, code, 500, { 'idempotency-key': 'till-1-receipt-2' });
      expect([repeat.status, repeat.body.code]).toEqual([409, 'IDEMPOTENCY_ANSWER_LOST']);
    } finally {
      await owner.query('DROP TRIGGER refuse_answer ON idempotency_record');
      await owner.query('DROP FUNCTION refuse_answer()');
      await owner.end();
    }

    const racing = await Promise.all(Array.from({ length: 50 }, () => redeem(apiKey, code, 150)));
    const succeeded = racing.filter((answer) => answer.status === 201);
    expect(succeeded).toHaveLength(23);
    expect(
      racing
        .filter((answer) => answer.status === 409)
        .every((answer) => answer.body.code === 'VOUCHER_BALANCE_INSUFFICIENT'),
    ).toBe(true);
    const [totals] = await dataSource.query(
      `SELECT v.balance_cents, (SELECT sum(amount_cents)::int FROM voucher_redemption r WHERE r.voucher_id = v.id) AS redeemed,
              (SELECT count(*)::int FROM voucher_redemption r WHERE r.voucher_id = v.id) AS redemptions
         FROM voucher v WHERE v.code = $1`,
      [code.replace(/-/g, '')],
    );
    expect(totals).toEqual({ balance_cents: 50, redeemed: 4950, redemptions: 25 });
    expect((await redeem(apiKey, code, 51)).body).toMatchObject({ code: 'VOUCHER_BALANCE_INSUFFICIENT', status: 409 });
    expect((await redeem(apiKey, code, 50)).body.remainingCents).toBe(0);

    expect((await redeem(apiKey, code, 0)).status).toBe(400);
    expect((await redeem(apiKey, code, '5' as unknown as number)).status).toBe(400);
    expect((await app.post('/api/v1/vouchers/redemptions', { body: { code, amountCents: 1 } })).status).toBe(401);
    expect(
      (await app.post('/api/v1/vouchers/redemptions', { token: carer.token, body: { code, amountCents: 1 } })).status,
    ).toBe(403);

    // The partner's day: every redemption once, newest first, with only the code's end; another partner sees none.
    const day = await app.get('/api/v1/vouchers/redemptions?limit=100', { headers: { 'x-api-key': apiKey } });
    expect(day.status).toBe(200);
    expect(day.body.items).toHaveLength(26);
    expect(day.body.nextCursor).toBeNull();
    const firstPage = await app.get('/api/v1/vouchers/redemptions?limit=10', { headers: { 'x-api-key': apiKey } });
    expect([firstPage.body.items.length, firstPage.body.totalCents]).toEqual([10, 5000]);
    const secondPage = await app.get(`/api/v1/vouchers/redemptions?limit=10&cursor=${firstPage.body.nextCursor}`, {
      headers: { 'x-api-key': apiKey },
    });
    expect(secondPage.body.items[0]).toEqual(day.body.items[10]);
    expect(day.body.totalCents).toBe(5000);
    expect(day.body.items[0].codeEnd).toBe(code.replace(/-/g, '').slice(-4));
    expect(JSON.stringify(day.body)).not.toContain(code.replace(/-/g, ''));
    const stamps = day.body.items.map((item: { at: string }) => item.at);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    const otherPartner = await partner(admin);
    const otherDay = await app.get('/api/v1/vouchers/redemptions', { headers: { 'x-api-key': otherPartner } });
    expect([otherDay.status, otherDay.body.items, otherDay.body.totalCents]).toEqual([200, [], 0]);
    const yesterday = await app.get('/api/v1/vouchers/redemptions?day=2020-01-01', {
      headers: { 'x-api-key': apiKey },
    });
    expect(yesterday.body.items).toEqual([]);
    for (const bad of ['2026-13-01', 'today', `2026-01-01${'x'.repeat(5000)}`])
      expect(
        (await app.get(`/api/v1/vouchers/redemptions?day=${bad}`, { headers: { 'x-api-key': apiKey } })).status,
      ).toBe(400);
    expect((await app.get('/api/v1/vouchers/redemptions', { token: carer.token })).status).toBe(403);
  });

  it('answers expired and unknown codes, keeps vouchers within the municipality, and throttles guessing', async () => {
    const { municipality, admin, campaignId } = await setUp();
    const [carer, other] = await carers(municipality, 2);
    const code = (await apply(campaignId, carer)).body.voucher.code as string;
    const expiredCode = (await apply(campaignId, other)).body.voucher.code as string;
    await dataSource.query(`UPDATE voucher SET expires_on = $2 WHERE code = $1`, [
      expiredCode.replace(/-/g, ''),
      DateTime.now().minus({ days: 1 }).toISODate(),
    ]);
    const apiKey = await partner(admin);
    expect((await redeem(apiKey, expiredCode, 100)).body).toMatchObject({ status: 410, code: 'VOUCHER_EXPIRED' });

    const elsewhere = await setUp();
    const strangerKey = await partner(elsewhere.admin);
    expect((await redeem(strangerKey, code, 100, {}, '10.9.9.1')).body).toMatchObject({
      status: 404,
      code: 'VOUCHER_NOT_FOUND',
    });
    expect((await redeem(apiKey, 'not-a-code', 100)).body.code).toBe('VOUCHER_NOT_FOUND');

    const guesser = await partner(admin);
    const guesses = [];
    for (let i = 0; i < 21; i++)
      guesses.push(
        (await redeem(guesser, `AAAA-AAAA-AAA${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i]}-2`, 100, {}, '10.9.9.2')).status,
      );
    expect(guesses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(guesses[20]).toBe(429);
    const blocked = await redeem(guesser, code, 100, {}, '10.9.9.2');
    expect([blocked.status, Number(blocked.headers['retry-after']) > 0]).toEqual([429, true]);

    // Forty guesses at once: no more than the allowance learn that their code does not exist.
    const racer = await partner(admin);
    const racing = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        redeem(
          racer,
          `BBBB-BBBB-BB${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i % 32]}${'23456789'[i % 8]}-2`,
          100,
          {},
          '10.9.9.3',
        ),
      ),
    );
    const answered = racing.filter((answer) => answer.status === 404).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(20);
    expect(racing.filter((answer) => answer.status === 429)).toHaveLength(40 - answered);

    // Wrong partner keys at once from one address: at most thirty get their 401.
    const keys = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        redeem(`mzp_${'a'.repeat(12)}_${String(i).padStart(43, 'x')}`, code, 100, {}, '10.9.9.4'),
      ),
    );
    const refused = keys.filter((answer) => answer.status === 401).length;
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(30);
    expect(keys.filter((answer) => answer.status === 429)).toHaveLength(40 - refused);
    expect((await redeem(apiKey, code, 100)).status).toBe(201);
  });

  it('announces an open campaign to every carer once, and a future one when its window opens', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const staff = await createPerson(app, municipality, 'staff');
    const [reader, other] = [
      await createPerson(app, municipality, 'carer'),
      await createPerson(app, municipality, 'carer'),
    ];
    const open = await app.post('/api/v1/appreciation/campaigns', { token: admin.accessToken, body: campaignBody() });
    const future = await app.post('/api/v1/appreciation/campaigns', {
      token: admin.accessToken,
      body: campaignBody({ year: YEAR + 1, opensAt: hoursAgo(-24 * 300), closesAt: hoursAgo(-24 * 330) }),
    });
    for (const carer of [reader, other])
      expect((await app.smtp.waitFor(carer.email, 1, 15_000)).subject).toBe(
        `Mantelzorgwaardering ${YEAR}: vraag hem nu aan`,
      );
    expect(app.smtp.to(staff.email)).toHaveLength(0);
    const mailings = app.worker!.get(CampaignMailings);
    expect(await mailings.announce(open.body.id, municipality.id)).toEqual([]);
    expect(await mailings.announce(future.body.id, municipality.id)).toEqual([]);
    const [scheduled] = await dataSource.query(
      'SELECT run_at, relayed_at IS NOT NULL AS relayed FROM outbox_entry WHERE job_id = $1',
      [`campaign-announce.${future.body.id}`],
    );
    expect(scheduled.run_at.toISOString()).toBe(future.body.opensAt);
    const [announced] = await dataSource.query(
      'SELECT (SELECT announced_at IS NOT NULL FROM appreciation_campaign WHERE id = $1) AS open, (SELECT announced_at IS NOT NULL FROM appreciation_campaign WHERE id = $2) AS future',
      [open.body.id, future.body.id],
    );
    expect(announced).toEqual({ open: true, future: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.to(reader.email)).toHaveLength(1);
  });

  it('reminds a carer once of a voucher with balance left before it expires', async () => {
    const { municipality, admin, campaignId } = await setUp();
    const [soon, spent, later] = await carers(municipality, 3);
    const codes: string[] = [];
    for (const carer of [soon, spent, later])
      codes.push((await apply(campaignId, carer)).body.voucher.code.replace(/-/g, ''));
    await redeem(await partner(admin), codes[1], 5000);
    const inDays = (days: number) => DateTime.now().setZone('Europe/Amsterdam').plus({ days }).toISODate();
    await dataSource.query('UPDATE voucher SET expires_on = $2 WHERE code = ANY($1)', [
      [codes[0], codes[1]],
      inDays(10),
    ]);
    await dataSource.query('UPDATE voucher SET expires_on = $2 WHERE code = $1', [codes[2], inDays(60)]);

    const mailings = app.worker!.get(CampaignMailings);
    await mailings.remindExpiringVouchers();
    await mailings.remindExpiringVouchers();
    const mail = await waitUntil(
      async () => app.smtp.to(soon.email).find((received) => received.subject === 'Uw waardebon verloopt binnenkort'),
      10_000,
      'reminder',
    );
    expect(mail.text).toMatch(/nog €\s50,00\.\nU kunt hem gebruiken tot en met \d{1,2} [a-z]+ 20\d\d\./);
    const [counts] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE account_id = $1)::int AS soon, count(*) FILTER (WHERE account_id = $2)::int AS spent, count(*) FILTER (WHERE account_id = $3)::int AS later
         FROM message WHERE kind = 'appreciation_voucher_expiring'`,
      [soon.accountId, spent.accountId, later.accountId],
    );
    expect(counts).toEqual({ soon: 1, spent: 0, later: 0 });
  });

  it('sums a campaign up: applications by status, issued and redeemed value, budget left, per wijk', async () => {
    const { municipality, admin, staff, campaignId } = await setUp({ budgetCents: 50_000 });
    const wijk = (
      await app.post('/api/v1/wijken', {
        token: admin.accessToken,
        body: { name: 'Dorp', postcodeRanges: [{ from: 1121, to: 1121 }] },
      })
    ).body.id as string;
    const [local, elsewhere, low, twin] = await carers(municipality, 4);
    await dataSource.query('UPDATE carer SET wijk_id = $1 WHERE id = ANY($2)', [wijk, [local.carerId, low.carerId]]);
    await dataSource.query('UPDATE care_relationship SET hours_per_week = 2 WHERE id = $1', [low.relationshipId]);
    await dataSource.query(
      'UPDATE care_relationship SET care_recipient_name = (SELECT care_recipient_name FROM care_relationship WHERE id = $1) WHERE id = $2',
      [elsewhere.relationshipId, twin.relationshipId],
    );
    await dataSource.query('UPDATE carer SET postcode = (SELECT postcode FROM carer WHERE id = $1) WHERE id = $2', [
      elsewhere.carerId,
      twin.carerId,
    ]);
    const code = (await apply(campaignId, local)).body.voucher.code;
    await apply(campaignId, elsewhere);
    await apply(campaignId, low);
    expect((await apply(campaignId, twin)).body.status).toBe('needs_review');
    await redeem(await partner(admin), code, 1250);

    const figures = await app.get(`/api/v1/appreciation/campaigns/${campaignId}/figures`, { token: staff.accessToken });
    expect(figures.body).toEqual({
      applications: { approved: 2, needs_review: 1, rejected: 1 },
      vouchersIssued: 2,
      issuedCents: 10_000,
      redeemedCents: 1250,
      budgetLeftCents: 40_000,
      awardsLeft: null,
      byWijk: [
        { wijkId: wijk, wijk: 'Dorp', applications: 2, approved: 1, redeemedCents: 1250 },
        { wijkId: null, wijk: null, applications: 2, approved: 1, redeemedCents: 0 },
      ],
    });
    expect((await app.get(`/api/v1/appreciation/campaigns/${campaignId}/figures`, { token: local.token })).status).toBe(
      403,
    );
  });

  it('offers a culture ticket of limited stock next to the voucher; the stock holds when carers race for it', async () => {
    const { municipality, admin, campaignId } = await setUp({
      kind: 'voucher_or_culture_ticket',
      cultureTicketName: 'Theaterbon De Purmaryn',
      cultureTicketStock: 3,
    });
    const many = await carers(municipality, 10);
    const answers = await Promise.all(
      many.map((carer) =>
        app.post(`/api/v1/appreciation/campaigns/${campaignId}/applications`, {
          token: carer.token,
          body: { careRelationshipId: carer.relationshipId, choice: 'culture_ticket' },
        }),
      ),
    );
    const tickets = answers.filter((answer) => answer.status === 201);
    expect(tickets).toHaveLength(3);
    expect(
      tickets.every(
        (answer) => answer.body.choice === 'culture_ticket' && answer.body.voucher.kind === 'culture_ticket',
      ),
    ).toBe(true);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual(
      Array(7).fill('CULTURE_TICKETS_SOLD_OUT'),
    );
    const loser = many[answers.findIndex((answer) => answer.status === 409)];
    const voucher = await apply(campaignId, loser);
    expect([voucher.status, voucher.body.choice, voucher.body.voucher.kind]).toEqual([201, 'voucher', 'voucher']);
    const winner = many[answers.findIndex((answer) => answer.status === 201)];
    expect((await app.smtp.waitFor(winner.email, 1, 10_000)).subject).toBe('Dank u wel: uw Theaterbon De Purmaryn');
    const campaign = await app.get(`/api/v1/appreciation/campaigns/${campaignId}`, { token: admin.accessToken });
    expect([campaign.body.cultureTicketsIssued, campaign.body.awardedCount]).toEqual([3, 4]);

    const voucherOnly = await setUp();
    const [carer] = await carers(voucherOnly.municipality, 1);
    const refused = await app.post(`/api/v1/appreciation/campaigns/${voucherOnly.campaignId}/applications`, {
      token: carer.token,
      body: { careRelationshipId: carer.relationshipId, choice: 'culture_ticket' },
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'CHOICE_NOT_OFFERED']);
    expect(
      (
        await app.post('/api/v1/appreciation/campaigns', {
          token: admin.accessToken,
          body: campaignBody({ year: 2030, kind: 'voucher_or_culture_ticket' }),
        })
      ).body.code,
    ).toBe('CAMPAIGN_CULTURE_TICKET_MISMATCH');
  });

  it('never passes the budget when staff approve many reviewed applications at once', async () => {
    const { municipality, staff, campaignId } = await setUp({ budgetCount: 4 });
    const sameFamily = await seedCarers(app, municipality, 10);
    const answers = [];
    for (const carer of sameFamily) answers.push(await apply(campaignId, carer));
    expect(answers.map((answer) => answer.body.status)).toEqual(['approved', ...Array(9).fill('needs_review')]);
    const decisions = await Promise.all(
      answers.slice(1).map((answer) =>
        app.post(`/api/v1/appreciation/applications/${answer.body.id}/review`, {
          token: staff.accessToken,
          body: { decision: 'approve', note: 'Elk kind zorgt' },
        }),
      ),
    );
    expect(decisions.filter((decision) => decision.status === 200)).toHaveLength(3);
    expect(decisions.filter((decision) => decision.status === 409).map((decision) => decision.body.code)).toEqual(
      Array(6).fill('CAMPAIGN_BUDGET_EXHAUSTED'),
    );
    const [rows] = await dataSource.query(
      `SELECT c.awarded_count, (SELECT count(*)::int FROM voucher v WHERE v.campaign_id = c.id) AS vouchers,
              (SELECT count(*)::int FROM appreciation_application a WHERE a.campaign_id = c.id AND a.status = 'needs_review') AS waiting
         FROM appreciation_campaign c WHERE c.id = $1`,
      [campaignId],
    );
    expect(rows).toEqual({ awarded_count: 4, vouchers: 4, waiting: 6 });
  });
});
