import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * An error as the logs carry it: pino's standard serialisation, less what may hold personal data. A
 * failed SQL statement (TypeORM's QueryFailedError) carries its `parameters` (an applicant's name,
 * phone or ID number) and the driver error its `detail` ("Key (…)=(…) already exists"): dropped.
 */
export function loggedError(error: unknown): Record<string, unknown> {
  const serialised = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const { parameters: _parameters, detail: _detail, driverError, ...rest } = serialised as Record<string, unknown> & { driverError?: Record<string, unknown> };
  if (driverError && typeof driverError === 'object') {
    const { detail: _d, parameters: _p, ...driver } = driverError;
    return { ...rest, driverError: driver };
  }
  return rest;
}

/** Structured JSON logs on stdout; every request line carries its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'osp-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: { err: loggedError },
  });
}
