import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { loggedError } from './logger';

it('logs a failed SQL statement without its parameters or the driver’s detail (personal data stays out of the logs)', () => {
  const driver = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505', detail: 'Key (phone)=(0912345678) already exists.' });
  const error = new QueryFailedError('INSERT INTO dossier (applicant_name, applicant_phone) VALUES ($1, $2)', ['Nguyễn Thị Hoa', '0912345678'], driver);
  const lines: string[] = [];
  const log = pino({ serializers: { err: loggedError } }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  log.error({ err: error }, 'unexpected error');
  expect(lines.join('')).toContain('duplicate key value');
  expect(lines.join('')).toContain('23505');
  expect(lines.join('')).not.toContain('0912345678');
  expect(lines.join('')).not.toContain('Nguyễn Thị Hoa');
});
