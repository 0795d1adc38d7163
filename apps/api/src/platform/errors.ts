import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequest, type Lang } from './request-context';

/** The stable codes a client may branch on. Never rename one: portals depend on them. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  /** Too many attempts, or a portal client's hourly budget is spent: retry after `retryAfterSeconds` (HTTP 429 for budgets). */
  | 'TOO_MANY_REQUESTS'
  /** A portal client sent an operation that is not one of the published (persisted) operations (HTTP 400). */
  | 'PERSISTED_QUERY_NOT_ALLOWED'
  /** The document is over a limit (depth, aliases, directives, tokens, cost): refused before it ran. */
  | 'QUERY_TOO_COMPLEX'
  /** The HTTP request itself is malformed: not JSON, too large, an unsupported charset or encoding, a batch. */
  | 'BAD_REQUEST'
  /** The database cannot be reached right now; retry after `Retry-After` seconds (HTTP 503). */
  | 'SERVICE_UNAVAILABLE'
  /** The request ran past its time budget and was cut off (HTTP 503). */
  | 'REQUEST_TIMEOUT'
  /** The answer would be larger than the response ceiling: ask for less (smaller pages, fewer fields). */
  | 'RESPONSE_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

/** A message in both languages; the one the request asked for is sent. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldProblem {
  /** Path of the offending field inside the mutation's `input` (e.g. `name`, `parentCode`). */
  field: string;
  message: Bilingual;
}

/** An expected failure: the client did something the rules do not allow. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly fields: FieldProblem[] = [],
    /** More machine-readable facts for the client, sent as extensions (e.g. `retryAfterSeconds`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(bilingual.en, { extensions: { code } });
    this.name = 'AppError';
  }

  /** Sets the HTTP status (and headers) Apollo answers with when this error fails the whole request. */
  withHttp(status: number, headers: Record<string, string> = {}): this {
    this.extensions.http = { status, headers: new Map(Object.entries(headers)) };
    return this;
  }
}

export const badInput = (field: string, message: Bilingual) =>
  new AppError('BAD_USER_INPUT', { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.' }, [{ field, message }]);

export const notFound = (what: Bilingual, key: string) =>
  new AppError('NOT_FOUND', { vi: `Không tìm thấy ${what.vi} "${key}".`, en: `No ${what.en} "${key}" was found.` });

export const conflict = (message: Bilingual, fields: FieldProblem[] = []) => new AppError('CONFLICT', message, fields);

/** A record that moves along a status machine, with the names of its statuses in both languages. */
export interface StatusMachineLabel extends Bilingual {
  statuses?: Record<string, Bilingual>;
}

/** A status change the record's status machine does not allow; `allowed` lists the moves that are. */
export const illegalTransition = (what: StatusMachineLabel, from: string, to: string, allowed: readonly string[], reason?: Bilingual) => {
  const name = (status: string, lang: Lang) => what.statuses?.[status]?.[lang] ?? status;
  return new AppError(
    'ILLEGAL_TRANSITION',
    reason ?? {
      vi: `Không thể chuyển ${what.vi} từ "${name(from, 'vi')}" sang "${name(to, 'vi')}".`,
      en: `The ${what.en} cannot move from ${name(from, 'en')} to ${name(to, 'en')}.`,
    },
    [],
    { from, to, allowed: [...allowed] },
  );
};

/** Refuses a move the machine does not list. */
export function assertTransition<S extends string>(machine: Readonly<Record<S, readonly S[]>>, what: StatusMachineLabel, from: S, to: S): void {
  if (!machine[from].includes(to)) throw illegalTransition(what, from, to, machine[from]);
}

const pick = (m: Bilingual, lang: Lang) => m[lang];

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export const serviceUnavailable = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    { vi: 'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.', en: 'The service cannot reach its database right now. Please retry in a few seconds.' },
    [],
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  ).withHttp(503, { 'retry-after': String(RETRY_AFTER_SECONDS) });

/** The request ran past its time budget (platform/http/guards.ts answers it; the SQL logger refuses its further statements). */
export const requestTimedOut = () =>
  new AppError('REQUEST_TIMEOUT', {
    vi: 'Yêu cầu chạy quá thời gian cho phép và đã bị dừng. Hãy thu hẹp truy vấn (trang nhỏ hơn, ít trường hơn).',
    en: 'The request ran past its time budget and was stopped. Ask for less (smaller pages, fewer fields).',
  }).withHttp(503);

/**
 * True for a failure to reach PostgreSQL (refused, reset, terminated, shutting down, pool timeout),
 * as opposed to an error in the statement: the request may succeed when retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, i = 0; e && i < 5; e = e.originalError ?? e.driverError ?? e.thrownValue ?? e.cause, i++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
    if (/^08/.test(code) || code === '57P01' || code === '57P02' || code === '57P03') return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (
      /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect|Query runner already released|Connection is not established|the database system is (starting up|shutting down)/i.test(
        message,
      ) ||
      e.name === 'QueryRunnerAlreadyReleasedError' ||
      e.name === 'ConnectionIsNotSetError'
    )
      return true;
  }
  return false;
}

/** class-validator constraint names → a sentence in each language. */
const constraintMessages: Record<string, Bilingual> = {
  isNotEmpty: { vi: 'Không được để trống.', en: 'Must not be empty.' },
  maxLength: { vi: 'Quá dài.', en: 'Too long.' },
  minLength: { vi: 'Quá ngắn.', en: 'Too short.' },
  matches: { vi: 'Sai định dạng.', en: 'Has the wrong format.' },
  isLength: { vi: 'Độ dài không hợp lệ (trống hoặc quá dài).', en: 'Has the wrong length (empty or too long).' },
  isUuid: { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' },
  min: { vi: 'Giá trị quá nhỏ.', en: 'Is too small.' },
  max: { vi: 'Giá trị quá lớn.', en: 'Is too large.' },
};
const fallbackConstraint: Bilingual = { vi: 'Giá trị không hợp lệ.', en: 'Is not valid.' };

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((name) => ({ field, message: constraintMessages[name] ?? fallbackConstraint }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

function fieldsOut(fields: FieldProblem[], lang: Lang) {
  return fields.map((f) => ({ field: f.field, message: pick(f.message, lang) }));
}

export interface ErrorReporter {
  (error: unknown, requestId: string | undefined): void;
}

/**
 * Apollo's formatError: expected errors keep their code and speak the request's language;
 * anything else is logged and answered without internals.
 */
/** The field a scalar's error names (it cannot know more); the error formatter puts the argument's path in its place. */
export const SCALAR_FIELD = 'value';

/**
 * A scalar that refuses a variable's value (a date out of range, say) knows no field name; graphql-js
 * says which in its message (`Variable "$input" got invalid value … at "input.plannedEnd"`). The field
 * is named as the services name theirs: the path below `input` ("plannedEnd"), else the variable.
 */
function withCoercedPath(fields: FieldProblem[], error: unknown): FieldProblem[] {
  if (!(error instanceof GraphQLError) || error === error.originalError) return fields;
  const m = /^Variable "\$(\w+)" got invalid value [\s\S]*? at "([^"]+)";/.exec(error.message) ?? /^Variable "\$(\w+)" got invalid value/.exec(error.message);
  if (!m) return fields;
  const path = (m[2] ?? m[1]).replace(/^input\./, '');
  return fields.map((f) => (f.field === SCALAR_FIELD ? { ...f, field: path } : f));
}

export interface FormatterOptions {
  /** Keep graphql-js's "Did you mean …?" hints in validation messages (for signed-in staff; never for the anonymous or clients). */
  fieldSuggestions: boolean;
  /** The parser's token limit, to name it when a document is over it. */
  maxTokens: number;
}

export function createErrorFormatter(report: ErrorReporter, options: FormatterOptions = { fieldSuggestions: true, maxTokens: 0 }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const request = currentRequest();
    const lang = request?.lang ?? 'vi';
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      const extensions: Record<string, unknown> = { ...original.details, code: original.code };
      if (original.fields.length) extensions.fields = fieldsOut(withCoercedPath(original.fields, error), lang);
      return { ...base, message: pick(original.bilingual, lang), extensions };
    }
    const validation = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)?.extensions?.validationErrors;
    if (Array.isArray(validation)) {
      return {
        ...base,
        message: pick({ vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.' }, lang),
        extensions: { code: 'BAD_USER_INPUT', fields: fieldsOut(flattenValidation(validation), lang) },
      };
    }
    if (isDatabaseUnavailable(original)) {
      const unavailable = serviceUnavailable();
      return { ...base, message: pick(unavailable.bilingual, lang), extensions: { code: unavailable.code, ...unavailable.details } };
    }
    const code = formatted.extensions?.code;
    // The parser stopped at the token limit (Apollo's parseOptions.maxTokens): a limit like the others.
    const tokens = /Document contains more th(?:an|at) (\d+) tokens/.exec(formatted.message);
    if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
      const max = Number(tokens[1]);
      return {
        ...base,
        message: pick({ vi: `Truy vấn quá phức tạp: nhiều hơn ${max} token.`, en: `The query is too complex: it has more than ${max} tokens.` }, lang),
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max },
      };
    }
    // Errors of the GraphQL layer itself (parse, validation, variable coercion) are about the request: pass them on.
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // "Did you mean …?" only for signed-in staff (and only when configured): the anonymous and portals'
      // clients could map the schema with it even with introspection off.
      const suggest = options.fieldSuggestions && (request?.actor?.kind === 'user' || request?.actor?.kind === 'system');
      const message = suggest ? formatted.message : formatted.message.replace(/ ?Did you mean .+\?$/s, '');
      return { ...base, message, extensions: { code } };
    }
    report(error, request?.requestId);
    return {
      ...base,
      message: pick(
        { vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', en: 'Something went wrong on our side. Please try again later.' },
        lang,
      ),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: request?.requestId },
    };
  };
}

const ALREADY_USED: Bilingual = { vi: 'Mã đã được dùng.', en: 'Already in use.' };

/**
 * Runs a write; a unique or exclusion violation (another record holds the key) becomes CONFLICT with
 * a field error on `field`.
 */
export async function uniquely<T>(write: () => Promise<T>, field: string, message: Bilingual, fieldMessage: Bilingual = ALREADY_USED): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const state = sqlState(error);
    if (state === '23505' || state === '23P01') throw conflict(message, [{ field, message: fieldMessage }]);
    throw error;
  }
}

/** PostgreSQL SQLSTATE of a driver error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
