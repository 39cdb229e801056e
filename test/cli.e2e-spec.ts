import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { uniqueEmail } from './support/factories';

const run = promisify(execFile);
const CLI = 'dist/apps/cli/main.js';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { env: process.env });
    return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout.trim(), stderr: failed.stderr.trim() };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('command line (built)', () => {
  const code = `GM${String(randomInt(0, 10000)).padStart(4, '0')}`;

  it('applies migrations idempotently', async () => {
    const result = await cli('db:migrate');
    expect(result).toMatchObject({ code: 0, stdout: 'No pending migrations.' });
  });

  it('creates a municipality once and prints the same id when repeated', async () => {
    const first = await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(UUID);
    const second = await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    expect(second).toMatchObject({ code: 0, stdout: first.stdout });
  });

  it('refuses a bad municipality code with a clear message', async () => {
    const result = await cli('municipality:create', '--code', 'GM12', '--name', 'Nergens');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--code must be a CBS code');
  });

  it('creates a user once, idempotent on email, and refuses bad input', async () => {
    await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    const email = uniqueEmail('cli-admin');
    const args = ['user:create', '--municipality', code, '--role', 'admin', '--email', email, '--password', 'a long enough password'];
    const first = await cli(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(UUID);
    expect(await cli(...args)).toMatchObject({ code: 0, stdout: first.stdout });

    const otherRole = await cli('user:create', '--municipality', code, '--role', 'staff', '--email', email, '--password', 'a long enough password');
    expect(otherRole.code).not.toBe(0);
    expect(otherRole.stderr).toContain('another municipality or role');
    const badRole = await cli('user:create', '--municipality', code, '--role', 'carer', '--email', uniqueEmail(), '--password', 'a long enough password');
    expect(badRole.stderr).toContain('--role must be admin or staff');
    const shortPassword = await cli('user:create', '--municipality', code, '--role', 'staff', '--email', uniqueEmail(), '--password', 'short');
    expect(shortPassword.stderr).toContain('--password must be 12 to 256 characters');
    const unknownMunicipality = await cli('user:create', '--municipality', 'GM9999x', '--role', 'staff', '--email', uniqueEmail(), '--password', 'a long enough password');
    expect(unknownMunicipality.code).not.toBe(0);
    expect(unknownMunicipality.stderr).toContain('No municipality with code');
  });
});
