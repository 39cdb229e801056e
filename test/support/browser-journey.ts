/// <reference lib="dom" />
import { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, screenshot, seriousViolations } from './browser';
import { TEST_PASSWORD } from './factories';
import { municipalYear } from './municipal-year';
import { TestApp } from './test-app';

/** How long one journey through the portal may take: many pages, each checked by axe-core. */
export const JOURNEY_TIMEOUT_MS = 120_000;

/** The real API and portal on a local port, with the worker, and a headless browser to use them. */
export class BrowserJourney {
  private constructor(
    readonly app: TestApp,
    readonly browser: Browser,
    readonly origin: string,
  ) {}

  static async start(): Promise<BrowserJourney> {
    const app = await TestApp.start({ worker: true });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    return new BrowserJourney(app, await launchBrowser(), await app.app.getUrl());
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.app.close();
  }

  /** A page opened in a fresh context, with CSP bypassed only so axe-core can be injected. */
  async newPage(viewport = PHONE): Promise<Page> {
    const context = await this.browser.newContext({ viewport, bypassCSP: true, locale: 'nl-NL' });
    const page = await context.newPage();
    // A step that cannot happen fails in seconds, naming the step, rather than at the test's timeout.
    page.setDefaultTimeout(8000);
    return page;
  }

  async expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
    // Nothing wider than the window: no sideways scrolling on a phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ page: name, overflow: width > 0 }).toEqual({ page: name, overflow: false });
    expect(await page.getAttribute('html', 'lang')).toMatch(/^(nl|en)$/);
    expect((await page.title()).length).toBeGreaterThan(3);
  }

  async signIn(page: Page, email: string, password = TEST_PASSWORD, landing = /\/overview$/): Promise<void> {
    await page.goto(`${this.origin}/sign-in`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(landing);
  }

  /** This year's voucher campaign, open for a month, with the given minimum hours a week. */
  openCampaign(adminToken: string, minHoursPerWeek: number) {
    return this.app.post('/api/v1/appreciation/campaigns', {
      token: adminToken,
      body: {
        year: municipalYear(),
        kind: 'voucher',
        amountCents: 5000,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        rules: { minHoursPerWeek, minMonths: 1, residency: 'either' },
      },
    });
  }

  /** The emailed link, pointed at this journey's server. */
  linkFrom(text: string, path: string): string {
    const found = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s]+`));
    if (!found) throw new Error(`No ${path} link in: ${text}`);
    const link = new URL(found[0]);
    return `${this.origin}${link.pathname}${link.search}`;
  }
}

/** The text of a downloaded file. */
export async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
