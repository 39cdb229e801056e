// The demo carer's voucher, asked for through the running API as a carer would: the demo
// admin opens this year's appreciation campaign and the demo carer applies. Run by
// scripts/up.sh after the API answers; running it again changes nothing (409 answers).
const base = process.argv[2] ?? 'http://localhost:3000';
const api = async (path, { token, body } = {}) => {
  const answer = await fetch(`${base}/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: answer.status, body: await answer.json().catch(() => null) };
};
const signIn = async (email, password) => (await api('/auth/login', { body: { email, password } })).body?.accessToken;

const admin = await signIn('admin@landsmeer.example.nl', 'demo-admin-landsmeer');
const carer = await signIn('mantelzorger@landsmeer.example.nl', 'demo-carer-landsmeer');
if (!admin || !carer) {
  console.error('demo appreciation: the demo accounts could not sign in; skipped');
  process.exit(0);
}
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()),
);
await api('/appreciation/campaigns', {
  token: admin,
  body: {
    year,
    kind: 'voucher',
    amountCents: 5000,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.UTC(year, 11, 31, 22, 0)).toISOString(),
    rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either' },
  },
});
const campaigns = (await api('/appreciation/campaigns', { token: admin })).body?.items ?? [];
const campaign = campaigns.find((candidate) => candidate.year === year);
const relationships = (await api('/me/care-relationships', { token: carer })).body?.items ?? [];
if (campaign && relationships[0])
  await api(`/appreciation/campaigns/${campaign.id}/applications`, {
    token: carer,
    body: { careRelationshipId: relationships[0].id },
  });
