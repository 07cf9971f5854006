import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';

/** A real SMTP server on loopback that keeps what it receives (tests of reminders by e-mail). */
export async function mailbox() {
  const received: (ParsedMail & { rcpt: string[] })[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      simpleParser(stream).then(
        (m) => {
          received.push(Object.assign(m, { rcpt: session.envelope.rcptTo.map((r) => r.address) }));
          done();
        },
        (e) => done(e as Error),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
