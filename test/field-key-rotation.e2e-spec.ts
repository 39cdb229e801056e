import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppConfig, DEVELOPMENT_ENCRYPTION_KEY, FieldCipher, validateEnvironment } from '@app/platform';
import { FieldKeyRotation, PersonalDataRegistry } from '@app/privacy';
import { DataSource } from 'typeorm';
import { municipalityWithWijk, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { TestApp } from './support/test-app';

const NEW_KEY = Buffer.alloc(32, 7).toString('base64');
const cipherWith = (current: string, previous = '') =>
  new FieldCipher(
    new AppConfig(
      validateEnvironment({ ...process.env, FIELD_ENCRYPTION_KEY: current, FIELD_ENCRYPTION_PREVIOUS_KEYS: previous }),
    ),
  );

describe('field encryption key rotation', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const rotationWith = (cipher: FieldCipher) =>
    new FieldKeyRotation(dataSource, app.app.get(PersonalDataRegistry), cipher);

  it('re-encrypts every value under the new key while old values keep opening, and back', async () => {
    const { municipality, staff } = await municipalityWithWijk(app);
    const email = uniqueEmail('carer');
    await app.post('/api/v1/carers', {
      body: {
        municipalityCode: municipality.code,
        email,
        password: TEST_PASSWORD,
        firstName: 'Els',
        lastName: 'Bakker',
        dateOfBirth: '1958-01-01',
        postcode: '1121AB',
        houseNumber: '1',
        consents: [{ purpose: 'health_data' }],
      },
    });
    const token = (await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).body
      .accessToken as string;
    const relationship = await app.post('/api/v1/me/care-relationships', {
      token,
      body: {
        careRecipientName: 'Jan',
        relation: 'partner',
        livesInMunicipality: true,
        since: '2018-01-01',
        hoursPerWeek: 30,
        notes: 'Parkinson, valt vaak',
      },
    });
    expect(relationship.status).toBe(201);
    const stored = async () =>
      (await dataSource.query('SELECT notes_encrypted FROM care_relationship WHERE id = $1', [relationship.body.id]))[0]
        .notes_encrypted as string;
    const underOldKey = await stored();
    expect(underOldKey).not.toContain('Parkinson');

    // During the rotation: the new key is current, the old one previous; old values still open.
    const rotating = cipherWith(NEW_KEY, DEVELOPMENT_ENCRYPTION_KEY);
    expect(rotating.decrypt(underOldKey)).toBe('Parkinson, valt vaak');
    expect(rotating.isStale(underOldKey)).toBe(true);

    const outcome = await rotationWith(rotating).reencryptAll();
    expect(outcome.find((entry) => entry.table === 'care_relationship')!.reencrypted).toBeGreaterThanOrEqual(1);
    expect(outcome.map((entry) => `${entry.table}.${entry.column}`)).toEqual(
      expect.arrayContaining([
        'care_relationship.notes_encrypted',
        'signal_note.text_encrypted',
        'help_request.notes_encrypted',
      ]),
    );
    const underNewKey = await stored();
    expect(underNewKey).not.toBe(underOldKey);
    expect(underNewKey.startsWith(rotating.currentPrefix())).toBe(true);
    expect((await rotationWith(rotating).staleCounts()).every((count) => count.reencrypted === 0)).toBe(true);
    // Once done, the old key can go: the new key alone opens everything.
    expect(cipherWith(NEW_KEY).decrypt(underNewKey)).toBe('Parkinson, valt vaak');
    expect(() => cipherWith(DEVELOPMENT_ENCRYPTION_KEY).decrypt(underNewKey)).toThrow();

    // Rotating back leaves the shared test database as the other tests expect it; the CLI then finds nothing to do.
    await rotationWith(cipherWith(DEVELOPMENT_ENCRYPTION_KEY, NEW_KEY)).reencryptAll();
    expect((await stored()).startsWith(app.app.get(FieldCipher).currentPrefix())).toBe(true);
    const relationships = await app.get(
      `/api/v1/carers/${(await dataSource.query('SELECT carer_id FROM care_relationship WHERE id = $1', [relationship.body.id]))[0].carer_id}/care-relationships`,
      {
        token: staff.accessToken,
      },
    );
    expect(relationships.body.items[0].notes).toBe('Parkinson, valt vaak');
    const { stdout } = await promisify(execFile)('node', ['dist/apps/cli/main.js', 'fields:reencrypt'], {
      env: process.env,
    });
    expect(stdout).toContain('care_relationship.notes_encrypted: 0 re-encrypted');
    expect(stdout).toContain('the previous keys can be removed');
  });
});
