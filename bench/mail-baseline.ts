import nodemailer from 'nodemailer';
import { renderLinkMessage } from '../libs/messaging/src/templates/layout';

/**
 * The fan-out's baseline, in its own process like the worker: nodemailer's pooled transport
 * (as many connections as the product's) sending `count` prepared invitations straight to
 * the sink. Prints {seconds, cpuMs} as JSON: its time and its own CPU for the sends.
 */
async function main(): Promise<void> {
  const [smtpUrl, countArg, tag] = process.argv.slice(2) as [string, string, string];
  const count = Number(countArg);
  const parsed = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 10,
    host: parsed.hostname,
    port: Number(parsed.port),
  });
  const message = renderLinkMessage('nl', {
    subject: 'Uitnodiging: Dag van de Mantelzorg',
    paragraphs: [
      'U bent van harte uitgenodigd voor Dag van de Mantelzorg.',
      'Wanneer: dinsdag 10 november 2026, 19:30 tot 22:00',
      'Laat u weten of u komt?',
    ],
    action: 'Geef antwoord',
    link: `https://mantelzorg.example.nl/rsvp?token=${'x'.repeat(180)}&lang=nl`,
    footer: `Mantelzorgsteunpunt Benchmark. Afmelden voor uitnodigingen: https://mantelzorg.example.nl/unsubscribe?token=${'y'.repeat(180)}&lang=nl`,
  });
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < count) {
        const index = next++;
        await transport.sendMail({
          from: { name: 'Mantelzorgsteunpunt Benchmark', address: 'mantelzorg@example.nl' },
          to: `baseline-${index}-${tag}@example.nl`,
          ...message,
        });
      }
    }),
  );
  transport.close();
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(
    JSON.stringify({ seconds: (Date.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }),
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
