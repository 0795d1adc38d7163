import argon2 from 'argon2';

/**
 * The one way secrets people or programs sign in with are stored: argon2id with the library's
 * defaults (64 MiB, 3 passes, 4 lanes). Users' passwords and API clients' secrets both go through it.
 */
export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, { type: argon2.argon2id });
}

/** Whether `secret` is the one `hash` was made from; false for a malformed hash too. */
export function verifySecret(hash: string, secret: string): Promise<boolean> {
  return argon2.verify(hash, secret).catch(() => false);
}
