/**
 * Generated data for `npm run bench:api`, added next to the demo seed with INSERT … SELECT
 * generate_series: a country-sized map (provinces, each with its communes in force since the 2025
 * reform, and the districts and communes of before, retired, merged into today's communes), an agency
 * per commune and the provincial ones, and about 20,000 one-stop desks (1 in 20 retired).
 * Codes never collide with the demo's (provinces 06, 18–25, 42, 60, 68, 70, 75 are left out).
 */
import type { Client } from 'pg';

export interface GeneratedCounts {
  provinces: number;
  communesInForce: number;
  unitsRetired: number;
  agencies: number;
  desks: number;
  desksRetired: number;
}

const SYLLABLES = [
  'An', 'Bình', 'Cẩm', 'Đông', 'Giang', 'Hà', 'Hòa', 'Hưng', 'Khánh', 'Lâm', 'Long', 'Minh', 'Nam', 'Ninh', 'Phú',
  'Phước', 'Quang', 'Sơn', 'Tân', 'Thạch', 'Thanh', 'Thuận', 'Trung', 'Vĩnh', 'Xuân', 'Yên', 'Bắc', 'Đức', 'Hải', 'Kỳ',
  'Lộc', 'Mỹ', 'Nghĩa', 'Phong', 'Quảng', 'Thái', 'Tiến', 'Vân', 'Hồng', 'Lĩnh',
];
const DEPARTMENTS = [
  'Tư pháp', 'Xây dựng', 'Tài chính', 'Nội vụ', 'Y tế', 'Giáo dục và Đào tạo', 'Công Thương', 'Nông nghiệp và Môi trường',
  'Văn hóa, Thể thao và Du lịch', 'Khoa học và Công nghệ', 'Dân tộc và Tôn giáo', 'Ngoại vụ', 'Thanh tra tỉnh', 'Công an tỉnh',
];
const EXCLUDED_PROVINCES = [6, 18, 19, 20, 21, 22, 23, 24, 25, 42, 60, 68, 70, 75];

export interface DataOptions {
  provinces: number;
  desks: number;
  /** Districts per province before 2025 (retired), and communes per district (retired, merged). */
  districtsPerProvince: number;
  communesPerDistrict: number;
}

export const DEFAULT_DATA: DataOptions = { provinces: 30, desks: 20_000, districtsPerProvince: 20, communesPerDistrict: 12 };

export async function generateData(db: Client, options: DataOptions = DEFAULT_DATA): Promise<GeneratedCounts> {
  if (options.districtsPerProvince * options.communesPerDistrict > 499) throw new Error('too many retired communes per province for 3-digit codes');
  const codes: string[] = [];
  for (let g = 1; g <= 96 && codes.length < options.provinces; g++) if (!EXCLUDED_PROVINCES.includes(g)) codes.push(String(g).padStart(2, '0'));
  // A pseudo-random Vietnamese two-syllable name for a text key.
  const name = (key: string) =>
    `($1::text[])[1 + (hashtext(${key}) & 2147483647) % ${SYLLABLES.length}] || ' ' || ($1::text[])[1 + (hashtext(${key} || '/') & 2147483647) % ${SYLLABLES.length}]`;

  await db.query('BEGIN');
  // Provinces, in force since 2004.
  await db.query(
    `INSERT INTO administrative_unit (code, name, level, parent_id, path, valid_from)
     SELECT c, 'Tỉnh ' || ${name('c')}, 'PROVINCE', NULL, c::ltree, '2004-01-01' FROM unnest($2::text[]) c`,
    [SYLLABLES, codes],
  );
  await db.query(
    `CREATE TEMP TABLE bench_province ON COMMIT DROP AS
     SELECT id, code, row_number() OVER (ORDER BY code)::int AS rn, 60 + (row_number() OVER (ORDER BY code)::int * 37) % 100 AS communes
       FROM administrative_unit WHERE level = 'PROVINCE' AND code = ANY($1::text[])`,
    [codes],
  );
  // Communes in force since the reform of 1 July 2025, directly under their province: 60 to 159 each.
  await db.query(
    `INSERT INTO administrative_unit (code, name, level, parent_id, path, valid_from)
     SELECT p.code || lpad(i::text, 3, '0'), CASE WHEN i % 4 = 0 THEN 'Phường ' ELSE 'Xã ' END || ${name("p.code || lpad(i::text, 3, '0')")},
            'COMMUNE', p.id, (p.code || '.' || p.code || lpad(i::text, 3, '0'))::ltree, '2025-07-01'
       FROM bench_province p CROSS JOIN generate_series(1, p.communes) i`,
    [SYLLABLES],
  );
  // Districts of before the reform (abolished 30 June 2025) and their communes, merged into today's communes.
  await db.query(
    `INSERT INTO administrative_unit (code, name, level, parent_id, path, valid_from, valid_to)
     SELECT p.code || lpad(d::text, 4, '0'), 'Huyện ' || ${name("p.code || lpad(d::text, 4, '0')")}, 'DISTRICT', p.id,
            (p.code || '.' || p.code || lpad(d::text, 4, '0'))::ltree, '2004-01-01', '2025-06-30'
       FROM bench_province p CROSS JOIN generate_series(1, $2::int) d`,
    [SYLLABLES, options.districtsPerProvince],
  );
  await db.query(
    `INSERT INTO administrative_unit (code, name, level, parent_id, path, valid_from, valid_to, successor_id)
     SELECT p.code || (500 + (d - 1) * $3::int + j)::text, 'Xã ' || ${name("p.code || (500 + (d - 1) * $3::int + j)::text")}, 'COMMUNE', dist.id,
            (dist.path::text || '.' || p.code || (500 + (d - 1) * $3::int + j)::text)::ltree, '2004-01-01', '2025-06-30', succ.id
       FROM bench_province p CROSS JOIN generate_series(1, $2::int) d CROSS JOIN generate_series(1, $3::int) j
       JOIN administrative_unit dist ON dist.code = p.code || lpad(d::text, 4, '0') AND dist.level = 'DISTRICT'
       JOIN administrative_unit succ ON succ.code = p.code || lpad((1 + ((d * $3::int + j) % 60))::text, 3, '0') AND succ.valid_to IS NULL`,
    [SYLLABLES, options.districtsPerProvince, options.communesPerDistrict],
  );

  // Agencies: each commune's people's committee; each province's public administration centre and departments.
  await db.query(
    `INSERT INTO agency (code, name, kind, administrative_unit_id, province_id)
     SELECT 'BA-' || c.code, 'Ủy ban nhân dân ' || c.name, 'COMMUNE_PEOPLES_COMMITTEE', c.id, p.id
       FROM bench_province p JOIN administrative_unit c ON c.parent_id = p.id AND c.valid_to IS NULL`,
  );
  await db.query(
    `INSERT INTO agency (code, name, kind, administrative_unit_id, province_id)
     SELECT 'BA-' || p.code || '-' || k, CASE WHEN k = 0 THEN 'Trung tâm Phục vụ hành chính công ' || u.name ELSE 'Sở ' || ($1::text[])[k] || ' ' || u.name END,
            CASE WHEN k = 0 THEN 'PUBLIC_ADMINISTRATION_CENTRE' ELSE 'PROVINCIAL_DEPARTMENT' END::agency_kind, p.id, p.id
       FROM bench_province p JOIN administrative_unit u ON u.id = p.id CROSS JOIN generate_series(0, cardinality($1::text[])) k`,
    [DEPARTMENTS],
  );
  await db.query(
    `CREATE TEMP TABLE bench_agency ON COMMIT DROP AS
     SELECT a.id, a.administrative_unit_id, a.province_id, u.name AS unit_name, u.level, (row_number() OVER (ORDER BY a.code) - 1)::int AS k
       FROM agency a JOIN administrative_unit u ON u.id = a.administrative_unit_id WHERE a.code LIKE 'BA-%'`,
  );
  const [{ n: agencies }] = (await db.query('SELECT count(*)::int AS n FROM bench_agency')).rows;
  // Desks: spread over the agencies (several counters each), in their agency's unit; 1 in 20 retired.
  await db.query(
    `INSERT INTO one_stop_desk (code, name, level, agency_id, administrative_unit_id, province_id, address, retired_on)
     SELECT 'BD-' || lpad(i::text, 6, '0'),
            (ARRAY['Bộ phận Một cửa ', 'Bộ phận Tiếp nhận và Trả kết quả ', 'Quầy tiếp nhận '])[1 + i % 3] || a.unit_name || ' số ' || (1 + i / $2::int),
            a.level, a.id, a.administrative_unit_id, a.province_id,
            CASE WHEN i % 3 = 0 THEN NULL ELSE 'Số ' || (1 + i % 200) || ' đường ' || ${name("i::text")} || ', ' || a.unit_name END,
            CASE WHEN i % 20 = 0 THEN DATE '2025-06-30' END
       FROM generate_series(1, $3::int) i JOIN bench_agency a ON a.k = i % $2::int`,
    [SYLLABLES, agencies, options.desks],
  );
  const counts = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM administrative_unit WHERE level = 'PROVINCE' AND code = ANY($1::text[])) AS provinces,
              (SELECT count(*)::int FROM administrative_unit u JOIN bench_province p ON u.parent_id = p.id WHERE u.valid_to IS NULL) AS "communesInForce",
              (SELECT count(*)::int FROM administrative_unit u WHERE u.valid_to IS NOT NULL AND subpath(u.path, 0, 1)::text = ANY($1::text[])) AS "unitsRetired",
              (SELECT count(*)::int FROM bench_agency) AS agencies,
              (SELECT count(*)::int FROM one_stop_desk WHERE code LIKE 'BD-%') AS desks,
              (SELECT count(*)::int FROM one_stop_desk WHERE code LIKE 'BD-%' AND retired_on IS NOT NULL) AS "desksRetired"`,
      [codes],
    )
  ).rows[0] as GeneratedCounts;
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
  return counts;
}
