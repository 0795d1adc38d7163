import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../platform/config';
import { Injectable } from '../../platform/container';

/**
 * Signing as the Standard Webhooks specification says (https://www.standardwebhooks.com/): the secret
 * is `whsec_` and base64 of random bytes; the signature of a message is
 * `v1,` + base64(HMAC-SHA256(key = the bytes after `whsec_`, `${id}.${timestamp}.${body}`)).
 */
export const SECRET_PREFIX = 'whsec_';
/** 32 random bytes (the specification asks for 24 to 64). */
export const newSigningSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** A message id: `msg_` and 24 random bytes in base64url (stable across attempts and replays). */
export const newMessageId = () => `msg_${randomBytes(18).toString('base64url')}`;

const META_KEY = 'webhook_secrets_key';

/**
 * The signing secrets are stored so the server can sign with them (a hash would not do), encrypted with
 * AES-256-GCM: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts; the key id is the first 8 hex
 * digits of the key's sha256, so a secret always finds the key it was sealed with). The key is
 * OSP_WEBHOOK_SECRETS_KEY when set (production: the database alone does not reveal the secrets);
 * otherwise one generated on first use and kept in app_meta (development and the embedded database:
 * the secrets are then as safe as the database, like the token signing key). Secrets sealed with the
 * database key still open after OSP_WEBHOOK_SECRETS_KEY is set; they are sealed with the new key at
 * their next rotation.
 */
@Injectable()
export class WebhookSecretBox {
  private keys: Promise<Map<string, Buffer>> | null = null;
  private sealing: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: RuntimeConfig,
  ) {}

  /** Seals a secret. It may read or write app_meta: call it before opening a transaction (the embedded database has one connection). */
  async seal(secret: string): Promise<string> {
    const id = await (this.sealing ??= this.sealingKeyId());
    const key = (await this.loadKeys()).get(id) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  async open(sealed: string): Promise<string> {
    const [version, id, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1') throw new Error('unknown webhook secret format');
    let key = (await this.loadKeys()).get(id);
    if (!key) {
      this.keys = null; // another instance may have made the database key since
      key = (await this.loadKeys()).get(id);
    }
    if (!key) throw new Error(`the key ${id} that sealed a webhook secret is not available (OSP_WEBHOOK_SECRETS_KEY changed?)`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  private async sealingKeyId(): Promise<string> {
    const configured = this.runtime.config.webhooks.secretsKey;
    if (configured) return keyId(Buffer.from(configured, 'base64'));
    // Made once for every instance (ON CONFLICT keeps the first), then read back.
    await this.dataSource.query(`INSERT INTO app_meta (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`, [META_KEY, randomBytes(32).toString('base64')]);
    this.keys = null;
    const [row] = await this.dataSource.query(`SELECT value #>> '{}' AS key FROM app_meta WHERE key = $1`, [META_KEY]);
    return keyId(Buffer.from(row.key, 'base64'));
  }

  private loadKeys(): Promise<Map<string, Buffer>> {
    return (this.keys ??= (async () => {
      const keys = new Map<string, Buffer>();
      const [row] = await this.dataSource.query(`SELECT value #>> '{}' AS key FROM app_meta WHERE key = $1`, [META_KEY]);
      if (row?.key) keys.set(keyId(Buffer.from(row.key, 'base64')), Buffer.from(row.key, 'base64'));
      const configured = this.runtime.config.webhooks.secretsKey;
      if (configured) keys.set(keyId(Buffer.from(configured, 'base64')), Buffer.from(configured, 'base64'));
      return keys;
    })());
  }
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);
