import { TestApp } from './test-app';

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
