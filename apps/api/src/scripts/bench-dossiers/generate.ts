/**
 * The generated dossiers of `npm run bench:dossiers`: N dossiers in a few INSERT … SELECT generate_series
 * statements, spread over the active desks of the demo provinces (those with a procedure catalogue; the
 * provincial public administration centre of Hà Tĩnh weighted 8, Hà Tĩnh's other desks 2, the rest 1)
 * and over the last 365 days, each with the procedure of its province, a channel (72 % at the desk, 12 %
 * at a post office, 4 % at home, the rest online with postal pickup where the procedure allows), a status
 * by its age (recent ones open, older ones mostly returned; 2 % refused, 1 % stopped, some supplements,
 * financial obligations and uncollected results), due moment and result moments from the legal time
 * (calendar days × 1.4 instead of the working-day calendar: close enough for a benchmark), 5 % late,
 * ratings for most returned ones, invented applicants with diacritics (the search folds them), phones and
 * CCCD numbers; one component and one or two timeline events per dossier (reception, and the step
 * that led to the status). Codes `<identifier>-YYMMDD-XXXX` numbered per desk and day.
 * `npm run bench:reports` uses it over every province (`everyProvince`, 10,000,000 by default), in chunks of
 * whole Vietnam days (`chunkRows`) with a progress line after each chunk.
 *
 * Secondary indexes of the three tables are dropped before and rebuilt after the load from their own
 * definitions (pg_indexes), and foreign keys are not checked during it (session_replication_role =
 * replica: the rows are consistent by construction), as a bulk load does; then VACUUM (ANALYZE).
 */
import type { Client } from 'pg';

const TABLES = ['dossier', 'dossier_component', 'dossier_event'];

export interface GenerateOptions {
  /** Days back from now the receptions spread over (default 365). */
  days?: number;
  /** At most this many dossiers per chunk (default: all at once); each chunk is whole Vietnam days, and logs its progress. */
  chunkRows?: number;
  /**
   * Every province of the map instead of the demo provinces' identified desks (npm run bench:reports): every active
   * desk in a province in force, a desk without an identifier code numbering its dossiers with its desk code, a
   * province without a procedure catalogue drawing from the largest one, and each province about the same share
   * (a desk's weight: the most desks any province has ÷ its province's desks).
   */
  everyProvince?: boolean;
}

export async function generateDossiers(db: Client, n: number, log: (line: string) => void, options: GenerateOptions = {}): Promise<{ desks: number; rows: number }> {
  const every = options.everyProvince === true;
  const days = options.days ?? 365;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await db.query(sql, params);
    log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount} rows)` : ''}`);
    return result;
  };
  await db.query(`SET maintenance_work_mem = '512MB'; SET work_mem = '128MB'; SET session_replication_role = replica`);
  const indexes: Array<{ indexname: string; indexdef: string }> = (
    await db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [TABLES],
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  log(`  dropped ${indexes.length} secondary indexes for the load`);

  await step(
    'desks',
    `CREATE TEMP TABLE bench_desk AS
       SELECT d.id, d.province_id, d.agency_id, coalesce(d.identifier_code, a.identifier_code${every ? ', d.code' : ''}) AS unit, d.code,
              (SELECT po.id FROM post_office po WHERE po.province_id = d.province_id ORDER BY po.code LIMIT 1) AS office,
              ${every ? '1' : "CASE WHEN d.code = '42-TTPVHCC-MC' THEN 8 WHEN d.code LIKE '42-%' THEN 2 ELSE 1 END"} AS weight
         FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id
        WHERE d.retired_on IS NULL
          AND ${
            every
              ? `EXISTS (SELECT 1 FROM administrative_unit pu WHERE pu.id = d.province_id AND pu.valid_to IS NULL)`
              : `coalesce(d.identifier_code, a.identifier_code) IS NOT NULL AND EXISTS (SELECT 1 FROM procedure p WHERE p.province_id = d.province_id)`
          }`,
  );
  if (every) {
    await db.query(
      `UPDATE bench_desk b SET weight = greatest(1, round(m.most::numeric / c.n))::int
         FROM (SELECT province_id, count(*)::int AS n FROM bench_desk GROUP BY 1) c,
              (SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM bench_desk GROUP BY province_id) x) m
        WHERE c.province_id = b.province_id`,
    );
  }
  await db.query(`CREATE TEMP TABLE bench_slot AS SELECT (row_number() OVER (ORDER BY d.code, w) - 1)::int AS s, d.* FROM bench_desk d, generate_series(1, d.weight) w`);
  await db.query(
    `CREATE TEMP TABLE bench_proc AS
       SELECT p.id, p.province_id, p.procedure_fee, p.postal_fee, p.processing_time, p.processing_unit, p.bcci_mode,
              (row_number() OVER (PARTITION BY p.province_id ORDER BY p.code) - 1)::int AS k, count(*) OVER (PARTITION BY p.province_id)::int AS n
         FROM procedure p WHERE p.retired_on IS NULL`,
  );
  if (every) {
    // Provinces without a catalogue of their own draw from the largest one.
    await db.query(
      `INSERT INTO bench_proc
       SELECT p.id, d.province_id, p.procedure_fee, p.postal_fee, p.processing_time, p.processing_unit, p.bcci_mode, p.k, p.n
         FROM (SELECT DISTINCT province_id FROM bench_desk) d
         JOIN bench_proc p ON p.province_id = (SELECT province_id FROM bench_proc ORDER BY n DESC, province_id LIMIT 1)
        WHERE NOT EXISTS (SELECT 1 FROM bench_proc o WHERE o.province_id = d.province_id)`,
    );
  }
  const [{ slots, desks }] = (await db.query(`SELECT count(*)::int AS slots, count(DISTINCT id)::int AS desks FROM bench_slot`)).rows;
  await db.query('SELECT setseed(0.2026)');
  await db.query(`CREATE TEMP TABLE bench_chunk (id uuid, channel dossier_channel, status dossier_status, received_at timestamptz, result_ready_at timestamptz, result_returned_at timestamptz)`);
  // The receptions spread over [now − days, now), cut into chunks of whole Vietnam days (a desk's day numbers its codes).
  const [{ now }] = (await db.query(`SELECT extract(epoch FROM date_trunc('second', now()))::bigint AS now`)).rows;
  const end = Number(now);
  const start = end - days * 86_400;
  const chunks = Math.max(1, Math.min(days, Math.ceil(n / Math.max(1, options.chunkRows ?? n))));
  const midnight = (k: number) => Math.floor((start + 7 * 3600) / 86_400 + k) * 86_400 - 7 * 3600; // the k-th Vietnam midnight from the start's day
  const bounds = [start, ...Array.from({ length: chunks - 1 }, (_, c) => midnight(Math.round(((c + 1) * days) / chunks))), end];
  const share = (t: number) => Math.round((n * (t - start)) / (end - start));
  const loadStarted = Date.now();
  let loaded = 0;
  for (let c = 0; c < chunks; c++) {
    const [lo, hi] = [bounds[c], bounds[c + 1]];
    const rows = share(hi) - share(lo);
    const say = chunks > 1 ? (label: string, sql: string, params: unknown[] = []) => db.query(sql, params).then(() => label) : step;
    await db.query('TRUNCATE bench_chunk');
    await db.query('DROP TABLE IF EXISTS bench_gen');
    await say(
      'draws',
      `CREATE TEMP TABLE bench_gen AS
         SELECT g, s.id AS desk_id, s.province_id, s.agency_id, s.unit, s.office,
                date_trunc('second', to_timestamp($3::bigint + random() * ($4::bigint - $3::bigint))) AS received_at,
                floor(random() * 1000000000)::int AS r1, floor(random() * 1000000000)::int AS r2
           FROM generate_series($5::bigint + 1, $5::bigint + $1::int) g JOIN bench_slot s ON s.s = (g::bigint * 7919 % $2)::int`,
      [rows, slots, lo, hi, loaded],
    );
    await say(
      'dossiers',
      `WITH base AS (
       SELECT b.*, p.id AS procedure_id, p.procedure_fee, p.postal_fee, p.bcci_mode,
              CASE WHEN p.processing_unit = 'WORKING_HOURS' THEN 1 ELSE p.processing_time END AS days,
              extract(epoch FROM now() - b.received_at) / 86400 AS age,
              row_number() OVER (PARTITION BY b.desk_id, (b.received_at AT TIME ZONE 'UTC' + interval '7 hours')::date ORDER BY b.received_at, b.g) AS seq
         FROM bench_gen b JOIN bench_proc p ON p.province_id = b.province_id AND p.k = b.r2 % p.n
     ), shaped AS (
       SELECT base.*,
              CASE WHEN bcci_mode <> 'RECEIVE_AND_RETURN' OR r1 % 100 < 72 THEN 'AT_DESK' WHEN r1 % 100 < 84 THEN 'AT_POST_OFFICE' WHEN r1 % 100 < 88 THEN 'HOME_APPOINTMENT'
                   ELSE 'ONLINE_WITH_POSTAL_PICKUP' END::dossier_channel AS channel,
              CASE WHEN r1 % 100 < 2 THEN 'NOT_ACCEPTED' WHEN r1 % 100 < 3 AND age > 20 THEN 'STOPPED'
                   WHEN age < 0.5 THEN (CASE WHEN r2 % 3 = 0 THEN 'RECEIVED' ELSE 'PROCESSING' END)
                   WHEN age < days * 1.4 THEN (CASE r2 % 20 WHEN 0 THEN 'SUPPLEMENT_REQUESTED' WHEN 1 THEN 'AWAITING_FINANCIAL_OBLIGATION' ELSE 'PROCESSING' END)
                   WHEN age < days * 1.4 + 4 THEN (CASE WHEN r2 % 2 = 0 THEN 'RESULT_READY' ELSE 'RESULT_RETURNED' END)
                   ELSE (CASE WHEN r2 % 100 = 0 THEN 'RESULT_READY' ELSE 'RESULT_RETURNED' END) END::dossier_status AS status0,
              received_at + days * 1.4 * interval '1 day' AS due_at,
              received_at + days * (CASE WHEN r2 % 20 = 7 THEN 1.7 ELSE 0.4 + (r2 % 100) / 100.0 END) * interval '1 day' AS ready_at
         FROM base
     ), ins AS (
     INSERT INTO dossier (code, province_id, procedure_id, desk_id, agency_id, post_office_id, channel, status, applicant_name, applicant_national_id, applicant_phone,
                          applicant_address, received_at, due_at, clock_stopped_at, procedure_fee, postal_fee, result_delivery, delivery_address, result_ready_at, result_returned_at,
                          rating, rated_at, version, created_at, updated_at)
     SELECT unit || '-' || to_char(received_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYMMDD') || '-' || lpad(seq::text, 4, '0'),
            province_id, procedure_id, desk_id, agency_id, CASE WHEN channel = 'AT_DESK' THEN NULL ELSE office END, channel,
            CASE WHEN channel = 'ONLINE_WITH_POSTAL_PICKUP' AND age < 0.5 AND status0 IN ('RECEIVED', 'PROCESSING') THEN 'NEW' ELSE status0 END::dossier_status,
            (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Phan','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý','Đinh','Trương','Thái','Hà','Mai','Cao'])[1 + r1 % 20] || ' ' ||
            (ARRAY['Văn','Thị','Đức','Thị Thu','Minh','Thị Ngọc','Quang','Thị Hồng','Hữu','Thanh','Xuân','Thị Kim'])[1 + (r1 / 20) % 12] || ' ' ||
            (ARRAY['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hiền','Hoa','Hùng','Hương','Khánh','Lan','Linh','Loan','Long','Mai','Minh','Nam','Nga','Ngọc',
                   'Nhung','Oanh','Phúc','Phương','Quân','Quỳnh','Sơn','Tâm','Thảo','Trang','Tuấn','Vân','Yến','Đức','Lộc','Việt','Thắng','Hiếu'])[1 + (r1 / 240) % 40],
            CASE WHEN r2 % 10 = 0 THEN NULL ELSE '042' || (r1 % 2)::text || lpad((50 + (r1 / 7) % 50)::text, 2, '0') || lpad((r2 % 1000000)::text, 6, '0') END,
            '09' || lpad((r2 % 100000000)::text, 8, '0'),
            'Thôn ' || (1 + r1 % 12) || ', xã ' || (ARRAY['Kỳ Bắc','Cẩm Bình','Thạch Hạ','Gia An','Đức Thuận','Bắc Hà'])[1 + r2 % 6],
            received_at, due_at,
            CASE WHEN status0 = 'SUPPLEMENT_REQUESTED' THEN received_at + interval '1 day' END,
            procedure_fee, postal_fee * ((channel <> 'AT_DESK')::int + (r2 % 4 = 0 AND bcci_mode <> 'NOT_ELIGIBLE')::int),
            CASE WHEN r2 % 4 = 0 AND bcci_mode <> 'NOT_ELIGIBLE' THEN 'BY_POST' ELSE 'AT_DESK' END::result_delivery,
            CASE WHEN r2 % 4 = 0 AND bcci_mode <> 'NOT_ELIGIBLE' THEN 'Thôn ' || (1 + r1 % 12) || ', xã Kỳ Bắc' END,
            CASE WHEN status0 IN ('RESULT_READY', 'RESULT_RETURNED') THEN ready_at END,
            CASE WHEN status0 = 'RESULT_RETURNED' THEN ready_at + interval '2 days' END,
            CASE WHEN status0 = 'RESULT_RETURNED' AND r1 % 5 < 3 THEN 1 + (CASE WHEN r2 % 20 = 0 THEN 2 WHEN r2 % 10 = 0 THEN 1 ELSE 0 END) END,
            CASE WHEN status0 = 'RESULT_RETURNED' AND r1 % 5 < 3 THEN ready_at + interval '2 days 1 hour' END,
            CASE WHEN status0 IN ('RECEIVED', 'NEW') THEN 1 ELSE 3 END, received_at, received_at + interval '1 hour'
       FROM shaped
     RETURNING id, channel, status, received_at, result_ready_at, result_returned_at)
     INSERT INTO bench_chunk SELECT * FROM ins`,
    );
    await say(
      'components',
      `INSERT INTO dossier_component (dossier_id, position, name, originals, copies, digitised)
       SELECT id, 1, 'Tờ khai theo mẫu', 1, 0, true FROM bench_chunk`,
    );
    await say(
      'events',
    `INSERT INTO dossier_event (dossier_id, at, kind, from_status, to_status, actor_label, unit_name)
     SELECT id, received_at, CASE WHEN channel = 'ONLINE_WITH_POSTAL_PICKUP' THEN 'REGISTERED_ONLINE' ELSE 'RECEIVED_AT_DESK' END,
            NULL, CASE WHEN channel = 'ONLINE_WITH_POSTAL_PICKUP' THEN 'NEW' ELSE 'RECEIVED' END::dossier_status, 'Nhân viên quầy (bench)', NULL FROM bench_chunk
     UNION ALL
     SELECT id, coalesce(result_returned_at, result_ready_at, received_at + interval '2 hours'),
            CASE status WHEN 'PROCESSING' THEN 'FORWARD' WHEN 'NOT_ACCEPTED' THEN 'REFUSE' WHEN 'SUPPLEMENT_REQUESTED' THEN 'REQUEST_SUPPLEMENT' WHEN 'AWAITING_FINANCIAL_OBLIGATION' THEN 'AWAIT_FINANCIAL_OBLIGATION'
                        WHEN 'STOPPED' THEN 'STOP' WHEN 'RESULT_READY' THEN 'RESULT_READY' ELSE 'RETURN_RESULT' END,
            CASE status WHEN 'PROCESSING' THEN 'RECEIVED' WHEN 'NOT_ACCEPTED' THEN 'RECEIVED' WHEN 'RESULT_RETURNED' THEN 'RESULT_READY' ELSE 'PROCESSING' END::dossier_status,
            status, 'Cán bộ (bench)', NULL
       FROM bench_chunk WHERE status NOT IN ('NEW', 'RECEIVED')`,
    );
    loaded += rows;
    if (chunks > 1) {
      const seconds = (Date.now() - loadStarted) / 1000;
      log(`  chunk ${c + 1}/${chunks}: ${loaded.toLocaleString('en')} of ${n.toLocaleString('en')} dossiers (${Math.round(loaded / seconds).toLocaleString('en')} a second so far, ${seconds.toFixed(0)} s)`);
    }
  }
  for (const index of indexes) await step(`index ${index.indexname}`, index.indexdef);
  await db.query('SET session_replication_role = origin');
  // VACUUM as autovacuum would have by the time a database holds a year: index-only scans need the visibility map.
  for (const table of TABLES) await step(`vacuum, analyze ${table}`, `VACUUM (ANALYZE) ${table}`); // one statement each: VACUUM refuses a transaction block
  const [{ rows }] = (await db.query('SELECT count(*)::int AS rows FROM dossier')).rows;
  return { desks, rows };
}
