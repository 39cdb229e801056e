import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

describe('OpenAPI document', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('passes the Redocly lint with the rules of redocly.yaml', async () => {
    const document = await app.get('/api/docs-json');
    const path = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(path, JSON.stringify(document.body));
    const findings = JSON.parse(
      execFileSync(process.execPath, ['test/support/openapi-lint.mjs', path], { encoding: 'utf8' }),
    ) as Array<{ rule: string; severity: string; where: string; message: string }>;
    expect(findings).toEqual([]);
  });

  it('describes each problem code of a response once', async () => {
    const document = await app.get('/api/docs-json');
    const descriptions = Object.values(document.body.paths as Record<string, Record<string, { responses: object }>>)
      .flatMap((operations) => Object.values(operations))
      .flatMap((operation) => Object.values(operation.responses) as Array<{ description: string }>)
      .map((response) => response.description)
      .filter((description) => description.startsWith('Problem: '));
    expect(descriptions.length).toBeGreaterThan(50);
    const repeated = descriptions.filter((description) => {
      const codes = description.slice('Problem: '.length).split(', ');
      return description.includes('\n') || new Set(codes).size !== codes.length;
    });
    expect(repeated).toEqual([]);
  });
});
