import { validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { MAX_PAGE_SIZE, PageArgs } from './connection';

const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false, stopAtFirstError: false };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * type-graphql's argument validation, with class-validator loaded once instead of at every validated
 * argument, and without its machinery for the commonest argument of all: a page (`first`/`after`) in
 * range, which a list of 100 units asks for 100 times (`children(first: 20)`). Anything out of range goes
 * through class-validator and fails exactly as before.
 */
export function validateArgument(value: unknown): Promise<void> | undefined {
  if (!isObject(value)) return undefined;
  // Answered at once, without a promise (platform/graphql/lean-resolvers.ts calls the resolver directly).
  if (value instanceof PageArgs && Number.isInteger(value.first) && value.first >= 1 && value.first <= MAX_PAGE_SIZE) return undefined;
  return validateWithClassValidator(value);
}

async function validateWithClassValidator(value: object): Promise<void> {
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(isObject).map((item) => validateOrReject(item, OPTIONS)));
    else await validateOrReject(value, OPTIONS);
  } catch (errors) {
    throw new ArgumentValidationError(errors as never);
  }
}
