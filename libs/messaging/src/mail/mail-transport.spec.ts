import { smtpOptions } from './mail-transport';

describe('SMTP options', () => {
  it('reads host, port and credentials from the URL', () => {
    expect(smtpOptions('smtps://mailer%40gemeente.nl:p%3Ass@smtp.example.nl')).toMatchObject({
      host: 'smtp.example.nl',
      port: 465,
      secure: true,
      auth: { user: 'mailer@gemeente.nl', pass: 'p:ss' },
    });
  });

  it('asks STARTTLS of a smtp:// server when TLS is required, and not otherwise', () => {
    expect(smtpOptions('smtp://relay.example.nl:587', true)).toMatchObject({ secure: false, requireTLS: true });
    expect(smtpOptions('smtp://127.0.0.1:1025', false).requireTLS).toBe(false);
    expect(smtpOptions('smtps://relay.example.nl', true).requireTLS).toBe(false);
  });
});
