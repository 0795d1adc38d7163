import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { forbidden, requireSignedIn } from '../../platform/authz';
import type { HttpRoute } from '../../platform/composition';
import { Injectable } from '../../platform/container';
import type { Actor } from '../../platform/graphql/context';
import { addDays, timeOfDay, todayInVietnam } from '../../platform/graphql/scalars';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { Staff } from '../staff/staff.entity';
import { STAFF_LABEL, STAFF_WRITERS, StaffService } from '../staff/staff.service';

/**
 * Every person's published shifts as an iCalendar feed (RFC 5545) at a URL with a secret, so staff
 * subscribe from their phone's calendar. The secret is shown once, kept as its SHA-256 (like a token:
 * it is random, 32 bytes, so a plain hash is enough), and issuing a new one revokes the old. The feed
 * holds the shifts from 30 days back to 120 days ahead; a published shift cancelled later stays in it
 * as CANCELLED, so the phone removes it.
 */
export const CALENDAR_PATH = '/calendar/:token.ics';
const PAST_DAYS = 30;
const FUTURE_DAYS = 120;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
  ) {}

  /** The person's managers, the province's administrators, or the person themself. */
  private async person(actor: Actor, staffId: string): Promise<Staff> {
    requireSignedIn(actor);
    return this.dataSource.transaction(async (m) => {
      const person = await findInScope(m, actor, Staff, staffId, STAFF_LABEL, 'staffId');
      const own = actor.id !== null && person.userId === actor.id;
      if (!own && !(actor.kind === 'system' || actor.roles.some((r) => STAFF_WRITERS.includes(r)))) throw forbidden();
      return person;
    });
  }

  /** A new feed address (the old one stops working). The path is answered once and never stored. */
  async issue(actor: Actor, staffId: string): Promise<{ path: string; staff: Staff }> {
    const person = await this.person(actor, staffId);
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (m) => {
      await this.staff.setCalendarSecretHash(m, person.id, hashOf(secret));
      await this.audit.record(m, actor, { action: 'staff.calendarFeed', entityType: 'Staff', entityId: person.id, after: { calendarFeed: true }, provinceId: person.provinceId });
    });
    return { path: CALENDAR_PATH.replace(':token', secret), staff: person };
  }

  async revoke(actor: Actor, staffId: string): Promise<Staff> {
    const person = await this.person(actor, staffId);
    await this.dataSource.transaction(async (m) => {
      await this.staff.setCalendarSecretHash(m, person.id, null);
      await this.audit.record(m, actor, { action: 'staff.calendarFeedRevoked', entityType: 'Staff', entityId: person.id, after: { calendarFeed: false }, provinceId: person.provinceId });
    });
    return person;
  }

  async hasFeed(staffIds: readonly string[]): Promise<boolean[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM staff WHERE id = ANY($1::uuid[]) AND calendar_secret_hash IS NOT NULL', [[...staffIds]]);
    return staffIds.map((id) => rows.some((r) => r.id === id));
  }

  /** The feed of a secret, or null for an unknown (or revoked) one. */
  async feed(secret: string, now = new Date()): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const [person] = await this.dataSource.query('SELECT id, full_name FROM staff WHERE calendar_secret_hash = $1', [hashOf(secret)]);
    if (!person) return null;
    const today = todayInVietnam(now);
    const shifts: ShiftRow[] = await this.dataSource.query(
      `SELECT s.id, s.day::text AS day, s.starts_at, s.ends_at, s.status, s.updated_at, c.number, c.name AS counter, d.name AS desk, d.address
         FROM shift s JOIN counter c ON c.id = s.counter_id JOIN one_stop_desk d ON d.id = s.desk_id
        WHERE s.staff_id = $1 AND s.day BETWEEN $2 AND $3
          AND (s.status = 'PUBLISHED' OR (s.status = 'CANCELLED' AND EXISTS (SELECT 1 FROM shift_revision r WHERE r.shift_id = s.id)))
        ORDER BY s.day, s.starts_at`,
      [person.id, addDays(today, -PAST_DAYS), addDays(today, FUTURE_DAYS)],
    );
    return icalendar(person.full_name, shifts, now);
  }

  route(): HttpRoute {
    return {
      path: CALENDAR_PATH,
      handle: async ({ token }) => {
        const body = await this.feed(token);
        if (body === null) return { status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'not found' }) };
        return { status: 200, contentType: 'text/calendar; charset=utf-8', body, headers: { 'cache-control': 'no-cache', 'content-disposition': 'inline; filename="lich-truc.ics"' } };
      },
    };
  }
}

interface ShiftRow {
  id: string;
  day: string;
  starts_at: number;
  ends_at: number;
  status: string;
  updated_at: Date;
  number: number;
  counter: string;
  desk: string;
  address: string | null;
}

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines of at most 75 octets, continued with a space (never splitting a UTF-8 character). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const local = (day: string, minutes: number) => `${day.replace(/-/g, '')}T${timeOfDay(minutes).replace(':', '')}00`;
const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The feed: Vietnam's zone (UTC+7, no daylight saving time since 1975), one event per shift. */
export function icalendar(name: string, shifts: readonly ShiftRow[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//One-Stop Post//Lich truc//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(`Lịch trực – ${name}`)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Ho_Chi_Minh',
    'BEGIN:STANDARD',
    'DTSTART:19750613T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const s of shifts) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@one-stop-post`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(new Date(s.updated_at))}`,
      `DTSTART;TZID=Asia/Ho_Chi_Minh:${local(s.day, s.starts_at)}`,
      `DTEND;TZID=Asia/Ho_Chi_Minh:${local(s.day, s.ends_at)}`,
      `SUMMARY:${text(`Ca trực quầy ${s.number} – ${s.counter}`)}`,
      `LOCATION:${text(s.address ? `${s.desk}, ${s.address}` : s.desk)}`,
      `STATUS:${s.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
