import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; every request line carries its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'osp-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
