// The bench's data: a seeded-random partnership network on a fresh database
// that the real migrations built. The same seed and the same day give the same
// rows; dates of opportunities and shifts are placed around the day of the run
// (so sign-ups find open shifts), hours in fixed past years.
//
//   tsx bench/generate.ts postgres [DATABASE_URL]   # full size (1,000,000 hour logs)
//   tsx bench/generate.ts pglite [DATA_DIR]         # smaller, for the embedded database
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { deployMigrations, opportunitySearchText, type SqlRunner } from '@tandem/db';
import { seedData } from '@tandem/db/seed';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export interface DatasetSize {
  organizations: number;
  opportunitiesPerOrganization: number;
  volunteers: number;
  applications: number;
  hourLogs: number;
}

export const SIZES: Record<'postgres' | 'pglite', DatasetSize> = {
  postgres: {
    organizations: 200,
    opportunitiesPerOrganization: 25,
    volunteers: 50_000,
    applications: 100_000,
    hourLogs: 1_000_000,
  },
  pglite: {
    organizations: 40,
    opportunitiesPerOrganization: 25,
    volunteers: 5_000,
    applications: 10_000,
    hourLogs: 100_000,
  },
};

export const SEED = 20261123;
/** The organisation whose annual report the bench measures: it keeps the largest share of the hours. */
export const BIG_ORGANIZATION_SLUG = 'bench-org-0';
/** The largest share of hours goes to the big organisation (the rest is spread over all). */
const BIG_SHARE = 0.4;
/** Years of hour logs, with weights (the last year is the reported one). */
const HOUR_YEARS: Array<[number, number]> = [
  [2022, 0.2],
  [2023, 0.25],
  [2024, 0.25],
  [2025, 0.3],
];
export const REPORT_YEAR = 2025;

export interface Dataset {
  size: DatasetSize;
  seed: number;
  /** UTC midnight of the day the data was generated for. */
  anchor: string;
  /** Users the bench signs in as. */
  coordinatorEmail: string;
  volunteerEmails: string[];
  counts: Record<string, number>;
}

// ───────────── seeded randomness ─────────────

/** sfc32 seeded through splitmix32: small, fast, and the same sequence on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(),
    b = split(),
    c = split(),
    d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let r = next() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  };
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  /** A version-4-shaped UUID from the seeded sequence. */
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, weighted, uuid };
}

// ───────────── words ─────────────

const TOWNS = [
  'Maribor',
  'Ljubljana',
  'Koper',
  'Brežice',
  'Jesenice',
  'Celje',
  'Kranj',
  'Novo mesto',
  'Ptuj',
  'Murska Sobota',
  'Velenje',
  'Nova Gorica',
];
const ORG_KINDS = [
  'Društvo',
  'Zavod',
  'Zveza',
  'Mladinski center',
  'Društvo prijateljev mladine',
  'Center za socialno delo',
];
const ORG_TOPICS = [
  'za pomoč starejšim',
  'za naravo',
  'za kulturo',
  'za mlade',
  'za enake možnosti',
  'za šport',
  'za zdravje',
  'za učenje',
];
const TITLES_SL = [
  'Pomoč pri učenju',
  'Družabništvo starejšim',
  'Čiščenje obrežja',
  'Delavnice za otroke',
  'Pomoč na festivalu',
  'Razdeljevanje hrane',
  'Urejanje knjižnice',
  'Spremljanje na izletu',
  'Tekaški dogodek',
  'Podpora na telefonu',
];
const TITLES_EN = [
  'Homework help',
  'Company for older people',
  'Riverbank clean-up',
  'Workshops for children',
  'Festival helper',
  'Food distribution',
  'Library work',
  'Trip companion',
  'Running event',
  'Helpline support',
];
const SKILLS = [
  'komunikacija',
  'delo z otroki',
  'angleščina',
  'vozniški izpit',
  'prva pomoč',
  'fotografija',
  'organizacija',
  'računalništvo',
];
const FIRST = [
  'Ana',
  'Maja',
  'Nina',
  'Eva',
  'Sara',
  'Luka',
  'Jan',
  'Žiga',
  'Nejc',
  'Tim',
  'Špela',
  'Urška',
  'Matej',
  'Tjaša',
  'Gašper',
  'Lara',
];
const LAST = [
  'Novak',
  'Horvat',
  'Kovačič',
  'Krajnc',
  'Zupančič',
  'Potočnik',
  'Kovač',
  'Mlakar',
  'Vidmar',
  'Golob',
  'Turk',
  'Kos',
];
const ACTIVITIES = [
  'pomoč pri učenju',
  'družabništvo',
  'delavnica',
  'organizacija dogodka',
  'terensko delo',
  'administracija',
  'mentorstvo',
  'promocija',
];

// ───────────── rows ─────────────

type Cell = string | number | boolean | null | Date | string[];
interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function encode(value: Cell): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => `"${v}"`).join(',')}}`;
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* tsvLines(rows: Iterable<Cell[]>): Generator<string> {
  let chunk = '';
  let n = 0;
  for (const row of rows) {
    chunk += row.map(encode).join('\t') + '\n';
    if (++n % 2000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Everything except the hour logs, which are streamed (a million rows). */
function buildRows(size: DatasetSize, anchor: Date) {
  const r = rng(SEED);
  const now = anchor.getTime();
  const DAY = 86_400_000;
  const reference = seedData();
  const regions = reference.region.map((x) => x.code);
  const areas = reference.area.map((x) => x.code);
  const updatedAt = new Date(now);

  const tables: Table[] = [
    {
      name: 'Region',
      columns: ['code', 'nutsCode', 'nameSl', 'nameEn', 'sortOrder'],
      rows: reference.region.map((x) => [x.code, x.nutsCode, x.nameSl, x.nameEn, x.sortOrder]),
    },
    {
      name: 'Area',
      columns: ['code', 'nameSl', 'nameEn', 'sortOrder'],
      rows: reference.area.map((x) => [x.code, x.nameSl, x.nameEn, x.sortOrder]),
    },
  ];

  const organizations: { id: string; slug: string; name: string; region: string; areas: string[] }[] = [];
  for (let i = 0; i < size.organizations; i++) {
    const town = r.pick(TOWNS);
    organizations.push({
      id: r.uuid(),
      slug: `bench-org-${i}`,
      name: `${r.pick(ORG_KINDS)} ${r.pick(ORG_TOPICS)} ${town} ${i}`,
      region: r.pick(regions),
      areas: [...new Set([r.pick(areas), r.pick(areas), r.pick(areas)].slice(0, r.int(1, 3)))],
    });
  }
  tables.push({
    name: 'Organization',
    columns: [
      'id',
      'slug',
      'name',
      'kind',
      'volunteerRegistry',
      'regionCode',
      'city',
      'website',
      'contactEmail',
      'descriptionSl',
      'descriptionEn',
      'updatedAt',
    ],
    rows: organizations.map((o, i) => [
      o.id,
      o.slug,
      o.name,
      i % 17 === 0 ? 'PUBLIC_INSTITUTION' : 'NGO',
      i % 3 === 0,
      o.region,
      r.pick(TOWNS),
      `https://org${i}.example.org`,
      `info@org${i}.example.org`,
      `Opis organizacije ${i}.`,
      `About organisation ${i}.`,
      updatedAt,
    ]),
  });
  tables.push({
    name: 'OrganizationArea',
    columns: ['organizationId', 'areaCode'],
    rows: organizations.flatMap((o) => o.areas.map((a) => [o.id, a])),
  });

  // Staff: one coordinator and one mentor per organisation.
  const users: Cell[][] = [];
  const memberships: Cell[][] = [];
  const coordinators: string[] = [];
  const mentors: string[] = [];
  for (const [i, o] of organizations.entries()) {
    for (const role of ['COORDINATOR', 'MENTOR'] as const) {
      const id = r.uuid();
      users.push([
        id,
        `${role.toLowerCase()}-${i}@bench.tandem.test`,
        `${r.pick(FIRST)} ${r.pick(LAST)}`,
        '1980-05-05',
        null,
        updatedAt,
      ]);
      memberships.push([r.uuid(), id, o.id, role, role === 'MENTOR' ? 'mentorica' : 'koordinatorka']);
      (role === 'COORDINATOR' ? coordinators : mentors).push(id);
    }
  }

  // Volunteers: a home organisation each, the big one taking BIG_SHARE of them.
  const volunteers: { id: string; email: string; home: number }[] = [];
  const agreements: Cell[][] = [];
  for (let i = 0; i < size.volunteers; i++) {
    const id = r.uuid();
    const home = r.next() < BIG_SHARE ? 0 : r.int(0, size.organizations - 1);
    const email = `volunteer-${i}@bench.tandem.test`;
    const birthYear = r.weighted([
      [r.int(2005, 2011), 3],
      [r.int(1995, 2004), 4],
      [r.int(1965, 1994), 2],
      [r.int(1940, 1964), 1],
    ] as const);
    const birth = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    users.push([
      id,
      email,
      `${r.pick(FIRST)} ${r.pick(LAST)}`,
      birth,
      r.weighted([
        ['FEMALE', 5],
        ['MALE', 4],
        ['OTHER', 0.3],
        [null, 0.7],
      ] as const),
      updatedAt,
    ]);
    volunteers.push({ id, email, home });
    agreements.push([r.uuid(), id, organizations[home]!.id, 'ACTIVE', '2021-01-01', 'prostovoljsko delo', updatedAt]);
  }
  tables.push({ name: 'User', columns: ['id', 'email', 'name', 'birthDate', 'gender', 'updatedAt'], rows: users });
  tables.push({ name: 'Membership', columns: ['id', 'userId', 'organizationId', 'role', 'title'], rows: memberships });
  tables.push({
    name: 'VolunteerAgreement',
    columns: ['id', 'volunteerId', 'organizationId', 'status', 'startsOn', 'tasks', 'updatedAt'],
    rows: agreements,
  });

  // Opportunities with shifts and questions.
  const opportunities: Cell[][] = [];
  const shifts: Cell[][] = [];
  const questions: Cell[][] = [];
  const open: { id: string; org: number; shifts: string[] }[] = [];
  const byOrg: string[][] = organizations.map(() => []);
  for (const [oi, o] of organizations.entries()) {
    for (let k = 0; k < size.opportunitiesPerOrganization; k++) {
      const id = r.uuid();
      const t = r.int(0, TITLES_SL.length - 1);
      const titleSl = `${TITLES_SL[t]} ${k + 1}`;
      const titleEn = r.next() < 0.7 ? `${TITLES_EN[t]} ${k + 1}` : null;
      const descriptionSl = `${titleSl}: ${o.name} vabi prostovoljce. Pridruži se nam!`;
      const descriptionEn = titleEn ? `${titleEn}: ${o.name} welcomes volunteers. Join us!` : null;
      const remote = r.next() < 0.1;
      const place = remote ? null : r.pick(TOWNS);
      const skills = [...new Set([r.pick(SKILLS), r.pick(SKILLS)])].slice(0, r.int(0, 2));
      const status = r.weighted([
        ['PUBLISHED', 75],
        ['CLOSED', 15],
        ['DRAFT', 10],
      ] as const);
      const startsAt = new Date(now + r.int(-60, 120) * DAY + r.int(8, 18) * 3_600_000);
      const endsAt = new Date(startsAt.getTime() + r.int(1, 60) * DAY);
      const withShifts = r.next() < 0.4;
      const capacity = withShifts ? null : r.next() < 0.2 ? null : r.int(10, 100);
      const shiftIds: string[] = [];
      if (withShifts) {
        for (let s = 0, n = r.int(2, 6); s < n; s++) {
          const sid = r.uuid();
          const start = new Date(startsAt.getTime() + s * 7 * DAY);
          shifts.push([
            sid,
            id,
            start,
            new Date(start.getTime() + 4 * 3_600_000),
            r.int(5, 30),
            s % 2 ? 'Popoldne' : 'Dopoldne',
            s % 2 ? 'Afternoon' : 'Morning',
          ]);
          shiftIds.push(sid);
        }
      }
      for (let q = 0, n = r.int(0, 2); q < n; q++) {
        const choice = q === 1;
        questions.push([
          r.uuid(),
          id,
          q,
          choice ? 'SINGLE_CHOICE' : 'TEXT',
          choice ? 'Kdaj lahko?' : 'Zakaj želiš sodelovati?',
          choice ? 'When can you?' : 'Why do you want to take part?',
          false,
          choice
            ? JSON.stringify([
                { value: 'am', labelSl: 'Dopoldne', labelEn: 'Morning' },
                { value: 'pm', labelSl: 'Popoldne', labelEn: 'Afternoon' },
              ])
            : null,
        ]);
      }
      opportunities.push([
        id,
        o.id,
        `priloznost-${k}`,
        titleSl,
        titleEn,
        descriptionSl,
        descriptionEn,
        r.pick(o.areas),
        o.region,
        place,
        remote,
        r.next() < 0.3 ? 15 : null,
        r.next() < 0.1,
        skills,
        mentors[oi]!,
        capacity,
        status,
        startsAt,
        endsAt,
        status === 'DRAFT' ? null : new Date(now - 90 * DAY),
        updatedAt,
        opportunitySearchText({
          titleSl,
          titleEn,
          descriptionSl,
          descriptionEn,
          place,
          organizationName: o.name,
          skills,
        }),
      ]);
      if (status !== 'DRAFT') {
        open.push({ id, org: oi, shifts: shiftIds });
        byOrg[oi]!.push(id);
      }
    }
  }
  tables.push({
    name: 'Opportunity',
    columns: [
      'id',
      'organizationId',
      'slug',
      'titleSl',
      'titleEn',
      'descriptionSl',
      'descriptionEn',
      'areaCode',
      'regionCode',
      'place',
      'remote',
      'minAge',
      'suitableUnder15',
      'skills',
      'mentorId',
      'capacity',
      'status',
      'startsAt',
      'endsAt',
      'publishedAt',
      'updatedAt',
      'searchText',
    ],
    rows: opportunities,
  });
  tables.push({
    name: 'Shift',
    columns: ['id', 'opportunityId', 'startsAt', 'endsAt', 'capacity', 'labelSl', 'labelEn'],
    rows: shifts,
  });
  tables.push({
    name: 'SignupQuestion',
    columns: ['id', 'opportunityId', 'position', 'type', 'labelSl', 'labelEn', 'required', 'options'],
    rows: questions,
  });

  const applications: Cell[][] = [];
  for (let i = 0; i < size.applications; i++) {
    const o = r.pick(open);
    const v = r.pick(volunteers);
    applications.push([
      r.uuid(),
      o.id,
      organizations[o.org]!.id,
      o.shifts.length ? r.pick(o.shifts) : null,
      v.id,
      r.weighted([
        ['ACCEPTED', 50],
        ['PENDING', 30],
        ['WAITLISTED', 5],
        ['DECLINED', 10],
        ['WITHDRAWN', 5],
      ] as const),
      'Rad/-a bi pomagal/-a.',
      updatedAt,
    ]);
  }
  tables.push({
    name: 'Application',
    columns: ['id', 'opportunityId', 'organizationId', 'shiftId', 'volunteerId', 'status', 'motivation', 'updatedAt'],
    rows: applications,
  });

  function* hourLogs(): Generator<Cell[]> {
    const h = rng(SEED + 1);
    const reviewedAt = new Date(now);
    for (let i = 0; i < size.hourLogs; i++) {
      const v = volunteers[h.int(0, volunteers.length - 1)]!;
      const o = organizations[v.home]!;
      const year = h.weighted(HOUR_YEARS);
      const date = `${year}-${String(h.int(1, 12)).padStart(2, '0')}-${String(h.int(1, 28)).padStart(2, '0')}`;
      const status = h.weighted([
        ['APPROVED', 85],
        ['SUBMITTED', 10],
        ['REJECTED', 5],
      ] as const);
      const own = byOrg[v.home]!;
      yield [
        h.uuid(),
        v.id,
        o.id,
        own.length && h.next() < 0.5 ? h.pick(own) : null,
        date,
        h.int(2, 32) * 15,
        h.pick(ACTIVITIES),
        h.weighted([
          ['CONTENT', 6],
          ['ORGANISATIONAL', 2],
          ['OTHER', 2],
        ] as const),
        h.pick(o.areas),
        status,
        status === 'SUBMITTED' ? null : mentors[v.home]!,
        status === 'SUBMITTED' ? null : reviewedAt,
        status === 'REJECTED' ? 'Ni v skladu z dogovorom.' : null,
        `bench-${i}`,
        updatedAt,
      ];
    }
  }
  const hourLogColumns = [
    'id',
    'volunteerId',
    'organizationId',
    'opportunityId',
    'date',
    'minutes',
    'activity',
    'workType',
    'areaCode',
    'status',
    'reviewerId',
    'reviewedAt',
    'reviewNote',
    'idempotencyKey',
    'updatedAt',
  ];

  return {
    tables,
    hourLogs: { name: 'HourLog', columns: hourLogColumns, rows: hourLogs() },
    coordinatorEmail: `coordinator-0@bench.tandem.test`,
    // Signed-in volunteers of the big organisation log hours in the bench.
    volunteerEmails: volunteers
      .filter((v) => v.home === 0)
      .slice(0, 200)
      .map((v) => v.email),
    coordinators,
  };
}

// ───────────── loading ─────────────

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copySql = (t: { name: string; columns: string[] }, source: string) =>
  `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) FROM ${source}`;

/** The secondary indexes of a table, dropped for a bulk load and rebuilt from their own definitions after it. */
async function withoutIndexes(runner: SqlRunner, table: string, load: () => Promise<void>) {
  const indexes = await runner.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const index of indexes) await runner.exec(`DROP INDEX ${quoteIdent(index.indexname)}`);
  await load();
  for (const index of indexes) await runner.exec(index.indexdef);
}

/**
 * Loads `table` with the foreign-key checks still off (session_replication_role
 * = replica) but the table's own triggers on: they keep the summaries the
 * application reads (the annual report's totals of HourLog, the list's counts
 * of Opportunity by status), which the load must fill as the application's
 * writes would. Every table loads this way, so a new summary needs no change here.
 */
async function withOwnTriggers(runner: SqlRunner, table: string, load: () => Promise<void>) {
  const triggers = await runner.query<{ tgname: string }>(
    `SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal`,
    [quoteIdent(table)],
  );
  const each = (mode: string) =>
    Promise.all(
      triggers.map((t) => runner.exec(`ALTER TABLE ${quoteIdent(table)} ${mode} TRIGGER ${quoteIdent(t.tgname)}`)),
    );
  await each('ENABLE ALWAYS');
  try {
    await load();
  } finally {
    await each('ENABLE');
  }
}

export interface GenerateOptions {
  kind: 'postgres' | 'pglite';
  /** PostgreSQL database URL (an empty database), or the PGlite data directory. */
  target: string;
  size?: DatasetSize;
  anchor?: Date;
  log?: (line: string) => void;
}

function utcMidnight(date = new Date()) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Migrates an empty database with the real migrations and fills it. */
export async function generate(options: GenerateOptions): Promise<Dataset> {
  const size = options.size ?? SIZES[options.kind];
  const anchor = options.anchor ?? utcMidnight();
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const data = buildRows(size, anchor);
  const counts: Record<string, number> = {};

  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.target, max: 2 });
    const runner = poolRunner(pool);
    try {
      await deployMigrations(runner);
      const client = await pool.connect();
      try {
        // Foreign keys hold by construction; skipping their triggers makes the load several times faster.
        await client.query('SET session_replication_role = replica').catch(() => undefined);
        const copy = async (table: { name: string; columns: string[]; rows: Iterable<Cell[]> }) => {
          let n = 0;
          const counted = (function* () {
            for (const row of table.rows) {
              n++;
              yield row;
            }
          })();
          await pipeline(Readable.from(tsvLines(counted)), client.query(copyFrom(copySql(table, 'STDIN'))));
          counts[table.name] = n;
          log(`  ${table.name}: ${n.toLocaleString('en')} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        };
        for (const table of data.tables) await withOwnTriggers(runner, table.name, () => copy(table));
        await withOwnTriggers(runner, 'HourLog', () => withoutIndexes(runner, 'HourLog', () => copy(data.hourLogs)));
      } finally {
        client.release();
      }
      await runner.exec('VACUUM ANALYZE');
    } finally {
      await pool.end();
    }
  } else {
    const db = await PGlite.create(options.target, { extensions: { pg_trgm } });
    const runner = pgliteRunner(db);
    try {
      await deployMigrations(runner);
      const copy = async (table: { name: string; columns: string[]; rows: Iterable<Cell[]> }) => {
        const lines = [...tsvLines(table.rows)];
        counts[table.name] = lines.reduce((n, chunk) => n + chunk.split('\n').length - 1, 0);
        await db.query(copySql(table, `'/dev/blob'`), [], { blob: new Blob(lines) });
        log(
          `  ${table.name}: ${counts[table.name]!.toLocaleString('en')} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      };
      await db.exec('SET session_replication_role = replica');
      for (const table of data.tables) await withOwnTriggers(runner, table.name, () => copy(table));
      await withOwnTriggers(runner, 'HourLog', () => withoutIndexes(runner, 'HourLog', () => copy(data.hourLogs)));
      await db.exec('SET session_replication_role = DEFAULT');
      await db.exec('VACUUM ANALYZE');
    } finally {
      await db.close();
    }
  }
  log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return {
    size,
    seed: SEED,
    anchor: day(anchor),
    coordinatorEmail: data.coordinatorEmail,
    volunteerEmails: data.volunteerEmails,
    counts,
  };
}

// The two runners deployMigrations needs; @tandem/db keeps its own private.
function poolRunner(pool: pg.Pool): SqlRunner {
  const onClient = async <T>(work: (runner: SqlRunner) => Promise<T>) => {
    const client = await pool.connect();
    try {
      return await work(clientRunner(client));
    } finally {
      client.release();
    }
  };
  return {
    exec: async (sql) => void (await pool.query(sql)),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    transaction: (work) => onClient((runner) => runner.transaction(work)),
    withLock: (_id, work) => onClient(work),
  };
}

function clientRunner(client: pg.PoolClient): SqlRunner {
  const runner: SqlRunner = {
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params) => (await client.query(sql, params)).rows,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work(runner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    withLock: (_id, work) => work(runner),
  };
  return runner;
}

function pgliteRunner(db: PGlite): SqlRunner {
  const runner: SqlRunner = {
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => (await tx.query(sql, params)).rows as never,
          transaction: () => Promise.reject(new Error('nested')),
          withLock: () => Promise.reject(new Error('nested')),
        }),
      ),
    withLock: (_id, work) => work(runner),
  };
  return runner;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  const target = process.argv[3] ?? (kind === 'pglite' ? '.tandem/bench-db' : process.env.DATABASE_URL);
  if (!target) throw new Error('usage: tsx bench/generate.ts postgres DATABASE_URL | pglite DATA_DIR');
  const dataset = await generate({ kind, target, log: console.log });
  console.log(JSON.stringify({ ...dataset, volunteerEmails: dataset.volunteerEmails.length }, null, 2));
}
