import { DataSource } from 'typeorm';
import { municipalityWithWijk } from './support/factories';
import { seedCarers } from './support/respite-fixtures';
import { TestApp } from './support/test-app';

type Shown = number | '<5';
interface Table {
  figure: string;
  columns: string[];
  rows: Array<{ wijk: string; cells: Shown[]; total: Shown }>;
  columnTotals: Shown[];
  total: Shown;
}

/** Each row and each column with its total: the sums from which a hidden cell could be subtracted. */
function equations(table: Table): Shown[][] {
  const grid = [...table.rows.map((row) => [...row.cells, row.total]), [...table.columnTotals, table.total]];
  return [...grid, ...grid[0].map((_, c) => grid.map((row) => row[c]))];
}

describe('monitor report with small-number suppression', () => {
  let app: TestApp;
  let dataSource: DataSource;
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date()),
  );

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('counts by wijk and age band, shows every cell under 5 as "<5" and leaves nothing to subtract', async () => {
    const { municipality, admin, staff, wijkId: dorp } = await municipalityWithWijk(app);
    const noord = (
      await app.post('/api/v1/wijken', {
        token: admin.accessToken,
        body: { name: 'Noord', postcodeRanges: [{ from: 1122, to: 1122 }] },
      })
    ).body.id as string;
    const carers = await seedCarers(app, municipality, 31);
    const inWijk = async (from: number, to: number, wijkId: string, age: number) =>
      dataSource.query('UPDATE carer SET wijk_id = $1, date_of_birth = $2 WHERE id = ANY($3)', [
        wijkId,
        `${year - age}-03-01`,
        carers.slice(from, to).map((carer) => carer.carerId),
      ]);
    await inWijk(0, 12, dorp, 70); // 12 in Dorp, 65-74
    await inWijk(12, 19, dorp, 50); // 7 in Dorp, 45-64
    await inWijk(19, 25, noord, 50); // 6 in Noord, 45-64
    await inWijk(25, 30, noord, 70); // 5 in Noord, 65-74
    await inWijk(30, 31, noord, 20); // 1 young carer in Noord

    const answer = await app.get(`/api/v1/reports/monitor?year=${year}`, { token: admin.accessToken });
    expect(answer.status).toBe(200);
    const tables = answer.body.figures as Table[];
    const active = tables.find((table) => table.figure === 'carers_active')!;
    expect(active.columns).toEqual(['under_25', '25_44', '45_64', '65_74', '75_plus']);
    // Shown numbers are the true counts; everything under 5, and whatever would give a hidden cell away, is "<5".
    const truth: Record<string, number[]> = { Dorp: [0, 0, 7, 12, 0], Noord: [1, 0, 6, 5, 0] };
    for (const row of active.rows) {
      row.cells.forEach((value, c) => expect(value === '<5' || value === truth[row.wijk][c]).toBe(true));
      truth[row.wijk].forEach((value, c) => value < 5 && expect(row.cells[c]).toBe('<5'));
    }
    expect(active.rows.map((row) => [row.wijk, row.cells[2], row.cells[3], row.total])).toEqual([
      ['Dorp', 7, 12, 19],
      ['Noord', 6, 5, 12],
    ]);
    expect(active.columnTotals).toEqual(['<5', '<5', 13, 17, '<5']);
    expect(active.total).toBe(31);
    const young = tables.find((table) => table.figure === 'young_carers')!;
    expect(young.total).toBe('<5');

    for (const table of tables) {
      expect(table.rows.length).toBeGreaterThan(0);
      for (const equation of equations(table)) {
        expect(equation.filter((value) => value === '<5').length).not.toBe(1);
        for (const value of equation) expect(value === '<5' || (typeof value === 'number' && value >= 5)).toBe(true);
      }
    }
    expect(tables.map((table) => table.figure)).toEqual(
      expect.arrayContaining([
        'carers_registered_new',
        'burden_high',
        'signals_handled_in_time',
        'respite_booked',
        'respite_places_taken',
        'volunteers_vog_valid',
        'vouchers_issued',
        'event_attendance',
      ]),
    );

    const csv = await app.get(`/api/v1/reports/monitor?year=${year}&format=csv`, { token: admin.accessToken });
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('municipality,year,figure,label,wijk,age_band,value');
    expect(lines).toContain(`${municipality.code},${year},carers_active,Actieve mantelzorgers,Dorp,65_74,12`);
    for (const line of lines.slice(1)) expect(line).toMatch(/,(<5|[5-9]|\d{2,})$/);

    expect((await app.get(`/api/v1/reports/monitor?year=${year}`, { token: staff.accessToken })).status).toBe(403);
    for (const bad of ['', '?year=abc', '?year=1999', `?year=${year}&format=xml`, `?year=${year}&extra=1`]) {
      const refused = await app.get(`/api/v1/reports/monitor${bad}`, { token: admin.accessToken });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    // Another municipality sees only its own (empty) figures.
    const other = await municipalityWithWijk(app);
    const theirs = await app.get(`/api/v1/reports/monitor?year=${year}`, { token: other.admin.accessToken });
    expect(
      (theirs.body.figures as Table[]).find((table) => table.figure === 'carers_active')!.rows.map((r) => r.wijk),
    ).toEqual(['Dorp']);
    expect((theirs.body.figures as Table[]).find((table) => table.figure === 'carers_active')!.total).toBe('<5');
  });
});
