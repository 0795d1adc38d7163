import { Field, Float, GraphQLISODateTime as DateTimeISO, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

export enum ApiClientScope {
  SUBMIT_DOSSIERS = 'SUBMIT_DOSSIERS',
  READ_OWN_DOSSIERS = 'READ_OWN_DOSSIERS',
  READ_CATALOGUE = 'READ_CATALOGUE',
}
registerEnumType(ApiClientScope, {
  name: 'ApiClientScope',
  description: 'What a portal’s client may do with its token.',
  valuesConfig: {
    SUBMIT_DOSSIERS: { description: 'Send online dossiers whose applicants chose postal pickup (submitDossier).' },
    READ_OWN_DOSSIERS: { description: 'Follow the dossiers the client sent (portalDossier, portalDossiersChanged).' },
    READ_CATALOGUE: { description: 'Read the procedure catalogue and the organisation of its provinces.' },
  },
});

/** After a rotation, the previous secret is still accepted for this long (then only the new one is). */
export const SECRET_GRACE_HOURS = 24;
/** Default budgets of a client, per hour (enforced before execution: platform/http/budgets.ts). */
export const DEFAULT_REQUESTS_PER_HOUR = 3600;
export const DEFAULT_COST_PER_HOUR = 500_000;

@ObjectType('ApiClientContact', { description: 'The person to call about a client’s integration.' })
export class ApiClientContact {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({
  description:
    'Ứng dụng kết nối: a third-party portal (Cổng dịch vụ công, a provincial one-stop system) with credentials for the public API. ' +
    'Its secret is shown once (when created or rotated) and stored only as an argon2id hash.',
})
@Entity('api_client')
export class ApiClient {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String, { description: 'The public id a portal sends with its secret to issueClientToken, e.g. osp_3f9a0c2b1d4e5f6a7b8c.' }) @Column('text') clientId!: string;
  @Field(() => String) @Column('text') name!: string;
  @Field(() => String, { description: 'The organisation that runs the portal.' }) @Column('text') ownerOrganisation!: string;
  @Column('text') contactName!: string;
  @Column('text') contactEmail!: string;
  @Column('text', { nullable: true }) contactPhone!: string | null;
  /** The provinces the client acts for (at least one). */
  @Column('uuid', { array: true }) provinceIds!: string[];
  /** The agencies it acts for, when the province restricts it to some. */
  @Column('uuid', { array: true }) agencyIds!: string[];
  @Field(() => [ApiClientScope]) @Column({ type: 'enum', enum: ApiClientScope, enumName: 'api_client_scope', array: true }) scopes!: ApiClientScope[];
  @Column('text') secretHash!: string;
  /** The secret before the last rotation, accepted until `rotatedAt` + SECRET_GRACE_HOURS. */
  @Column('text', { nullable: true }) previousSecretHash!: string | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'When the secret was last rotated.' }) @Column('timestamptz', { nullable: true }) rotatedAt!: Date | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'When the client was revoked: it gets no token, and the tokens it holds stopped working then. Null while active.' })
  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'The last request made with one of its tokens (or its last token exchange), to the minute.' })
  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;
  @Field(() => Int, { description: `Requests per hour the client may make (default ${DEFAULT_REQUESTS_PER_HOUR}); past it HTTP 429 TOO_MANY_REQUESTS until the next full hour.` }) @Column('int') requestsPerHour!: number;
  @Field(() => Int, { description: `Query cost points per hour the client may spend (default ${DEFAULT_COST_PER_HOUR}; see the API guide on query cost); an operation that would pass it is HTTP 429 TOO_MANY_REQUESTS.` })
  @Column('int')
  costPerHour!: number;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;

  @Field(() => ApiClientContact)
  get contact(): ApiClientContact {
    return { name: this.contactName, email: this.contactEmail, phone: this.contactPhone };
  }

  @Field(() => DateTimeISO, {
    nullable: true,
    description: `After a rotation, the previous secret is accepted too until this moment (${SECRET_GRACE_HOURS} hours after the rotation), so a portal can switch without downtime; null when only the current secret is accepted.`,
  })
  get previousSecretValidUntil(): Date | null {
    if (!this.previousSecretHash || !this.rotatedAt || this.revokedAt) return null;
    const until = new Date(this.rotatedAt.getTime() + SECRET_GRACE_HOURS * 3600_000);
    return until > new Date() ? until : null;
  }
}

@ObjectType('ApiClientUsageDay', { description: 'What a client did on one day (Vietnam date): requests admitted, query cost points spent, requests refused for a spent budget (HTTP 429).' })
export class ApiClientUsageDay {
  @Field(() => DateScalar) day!: string;
  @Field(() => Int, { description: 'Requests admitted within its hourly request budget.' }) requests!: number;
  @Field(() => Float, { description: 'Query cost points spent (see the API guide on query cost).' }) costPoints!: number;
  @Field(() => Int, { description: 'Requests refused because a budget of the hour was spent (HTTP 429).' }) refused!: number;
}

/** ApiClient.usage: at most this many days back. */
export const MAX_USAGE_DAYS = 366;
