// `npm run tandem -- <command>`: what the people who run a Tandem server do
// before anyone can sign in — give an organisation its first admin, make and
// revoke API keys. It opens the database as `npm start` does (DATABASE_URL or
// the embedded one in TANDEM_DATA_DIR) and applies pending migrations first.
// Keys and members are made by the same code as the GraphQL mutations.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ApiKeyKind, Database } from '@tandem/db';
import type { Context, Locale } from '@tandem/schema';

// The database layer and the schema take seconds to load: only commands that
// need them load them, so help and usage errors answer at once.
const loadDb = () => import('@tandem/db');
const loadSchema = () => import('@tandem/schema');

/** What a command's work gets: the open database, the schema's functions and an operator's context. */
interface Lib {
  db: Database;
  schema: Awaited<ReturnType<typeof loadSchema>>;
  ctx: Context;
}

/** Exit codes: 0 done, 1 the command failed (invalid input, not found, database), 2 wrong usage. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const locale: Locale = /^sl/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '')
  ? 'sl'
  : 'en';

const help = (scopes: readonly string[]): Record<Locale, string> => ({
  en: `Usage: npm run tandem -- <command> [options]

Commands:
  create-admin --org <slug> --email <e-mail> --name <name> [--title <title>]
      Makes the person an ADMIN of the organisation (creating their account if
      needed) and e-mails them an invitation. They sign in with their e-mail
      address and a one-time code; there is no password to hand over.
  create-key --org <slug> --kind publishable|secret --label <label>
             [--origin <origin>]... [--scope <scope>]... [--json]
      Creates an API key and prints it once: it is stored only as a hash.
      Publishable keys (widgets) need at least one --origin, e.g.
      https://www.example.si (http only for localhost and 127.0.0.1).
      Secret keys (servers) need at least one --scope:
        ${scopes.join(', ')}
  list-keys --org <slug> [--all] [--json]
      Lists the organisation's keys (--all: revoked ones too).
  revoke-key --id <key id>
      Revokes a key (the id from list-keys); it stops working at once.
  set-hour-rates <year> <organisational> <content> <other>
      Sets the value of an hour of volunteer work (EUR, e.g. 13 10 6 or 10,50)
      by type for annual reports of that year and later ones. The rates are
      national (the ministry's), so they are not set per organisation.
  purge-expired [--dry-run]
      Deletes what the 10-year retention (ZProst) no longer allows to keep:
      agreements past their retainUntil with their hour entries, and entries
      under no agreement 10 years after the end of their year.
  send-reminders [--now <date-time>]
      E-mails the evaluation reminders due now (the API also does it hourly):
      to everyone who has not answered a round, on the days before its due
      date the round names. Nobody is reminded twice on one day. --now (ISO
      8601, e.g. 2026-11-23T09:00Z) runs it as if it were then.

The database: DATABASE_URL (postgres://…) or the embedded one in
TANDEM_DATA_DIR (default .tandem/db; stop npm start first, it holds the lock).
Mail: over SMTP with SMTP_URL and MAIL_FROM, as npm start sends it; always
kept in the OutboxMessage table.
Exit codes: 0 done, 1 failed, 2 wrong usage.
`,
  sl: `Uporaba: npm run tandem -- <ukaz> [možnosti]

Ukazi:
  create-admin --org <slug> --email <e-naslov> --name <ime> [--title <naziv>]
      Osebo doda kot skrbnika (ADMIN) organizacije (po potrebi ustvari njen
      račun) in ji pošlje povabilo. Prijavi se z e-naslovom in enkratno kodo;
      gesla ni treba predati.
  create-key --org <slug> --kind publishable|secret --label <oznaka>
             [--origin <izvor>]... [--scope <pravica>]... [--json]
      Ustvari ključ API in ga izpiše enkrat: shrani se le njegov zgoščeni zapis.
      Javni ključi (pripomočki) potrebujejo vsaj en --origin, npr.
      https://www.primer.si (http le za localhost in 127.0.0.1).
      Skrivni ključi (strežniki) potrebujejo vsaj en --scope:
        ${scopes.join(', ')}
  list-keys --org <slug> [--all] [--json]
      Izpiše ključe organizacije (--all: tudi preklicane).
  revoke-key --id <id ključa>
      Prekliče ključ (id iz list-keys); ta takoj preneha delovati.
  set-hour-rates <leto> <organizacijsko> <vsebinsko> <drugo>
      Nastavi vrednost ure prostovoljskega dela (EUR, npr. 13 10 6 ali 10,50)
      po vrstah dela za letna poročila tega in poznejših let. Vrednosti so
      državne (ministrstvo), zato se ne nastavljajo po organizacijah.
  purge-expired [--dry-run]
      Izbriše, česar 10-letna hramba (ZProst) ne dovoljuje več: dogovore po
      njihovem retainUntil z urami in ure brez dogovora 10 let po koncu leta.
  send-reminders [--now <čas>]
      Pošlje opomnike za evalvacije, ki so na vrsti zdaj (API to počne tudi
      vsako uro): vsem, ki na krog še niso odgovorili, na dneve pred rokom,
      ki jih krog določa. Nihče ne dobi dveh opomnikov isti dan. --now (ISO
      8601, npr. 2026-11-23T09:00Z) ga izvede, kot da bi bil takrat.

Baza: DATABASE_URL (postgres://…) ali vgrajena v TANDEM_DATA_DIR
(privzeto .tandem/db; najprej ustavite npm start, ki jo zaklene).
Pošta: prek SMTP s SMTP_URL in MAIL_FROM, kot jo pošilja npm start; vedno
se shrani tudi v tabelo OutboxMessage.
Izhodne kode: 0 uspeh, 1 napaka, 2 napačna uporaba.
`,
});

const TEXT = {
  unknownCommand: { en: 'Unknown command: {0}', sl: 'Neznan ukaz: {0}' },
  badNow: {
    en: '--now must be a date and time, e.g. 2026-11-23T09:00Z.',
    sl: '--now mora biti datum in čas, npr. 2026-11-23T09:00Z.',
  },
  remindersSent: {
    en: 'Sent {0} evaluation reminder e-mail(s) about {1} request(s).',
    sl: 'Poslanih opomnikov za evalvacijo: {0} (vabil: {1}).',
  },
  missingOption: { en: 'Missing --{0}.', sl: 'Manjka --{0}.' },
  badKind: { en: '--kind must be publishable or secret.', sl: '--kind mora biti publishable ali secret.' },
  noOrganization: { en: 'No organisation with the slug "{0}".', sl: 'Organizacije "{0}" ni.' },
  noKey: { en: 'No API key with the id "{0}".', sl: 'Ključa API z id-jem "{0}" ni.' },
  added: {
    en: '{0} is now an admin of {1}. An invitation was e-mailed to {2}: they sign in with that address and a one-time code.',
    sl: '{0} je zdaj skrbnik organizacije {1}. Na {2} smo poslali povabilo: prijavi se s tem naslovom in enkratno kodo.',
  },
  alreadyAdmin: {
    en: '{0} is already an admin of {1}; nothing changed.',
    sl: '{0} je že skrbnik organizacije {1}; nič se ni spremenilo.',
  },
  created: { en: 'Created a {0} key for {1}:', sl: 'Ustvarjen {0} ključ za {1}:' },
  showOnce: {
    en: 'The key (shown only now; keep it safe, send it in the X-Tandem-Key header):',
    sl: 'Ključ (prikazan le zdaj; shranite ga varno, pošiljajte ga v glavi X-Tandem-Key):',
  },
  noKeys: { en: 'No keys.', sl: 'Ni ključev.' },
  revoked: { en: 'Revoked {0} ({1}).', sl: 'Preklican {0} ({1}).' },
  failed: { en: 'Failed: {0}', sl: 'Ni uspelo: {0}' },
  mailFrom: {
    en: 'Set MAIL_FROM (e.g. "Tandem <noreply@example.org>") along with SMTP_URL.',
    sl: 'Poleg SMTP_URL nastavite še MAIL_FROM (npr. "Tandem <noreply@example.org>").',
  },
  seeHelp: { en: 'See: npm run tandem -- --help', sl: 'Pomoč: npm run tandem -- --help' },
  rateUsage: {
    en: 'Usage: set-hour-rates <year> <organisational> <content> <other> (euros, e.g. 13 10 6).',
    sl: 'Uporaba: set-hour-rates <leto> <organizacijsko> <vsebinsko> <drugo> (evri, npr. 13 10 6).',
  },
  ratesSet: {
    en: 'Hour values from {0}: organisational {1}, content {2}, other {3} EUR.',
    sl: 'Vrednosti ure od leta {0}: organizacijsko {1}, vsebinsko {2}, drugo {3} EUR.',
  },
  ratesUnchanged: {
    en: 'The hour values of {0} were already these; nothing changed.',
    sl: 'Vrednosti za leto {0} so že take; nič se ni spremenilo.',
  },
  purged: {
    en: 'Deleted {0} agreement versions and {1} hour entries past their retention.',
    sl: 'Izbrisanih {0} različic dogovorov in {1} vnosov ur po izteku hrambe.',
  },
  wouldPurge: {
    en: 'Would delete {0} agreement versions and {1} hour entries (dry run: nothing deleted).',
    sl: 'Izbrisalo bi {0} različic dogovorov in {1} vnosov ur (poskus: nič ni izbrisano).',
  },
} as const;

function say(key: keyof typeof TEXT, ...params: string[]): string {
  return TEXT[key][locale].replace(/\{(\d)\}/g, (_, i: string) => params[Number(i)] ?? '');
}

class UsageError extends Error {}
class FailedError extends Error {}

/** The global id the API uses for a row (base64 of "Type:id"), so ids match GraphQL's. */
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** A key id as list-keys prints it (global id), or a bare row id. */
function apiKeyRowId(value: string): string {
  const decoded = Buffer.from(value, 'base64').toString();
  return decoded.startsWith('ApiKey:') ? decoded.slice('ApiKey:'.length) : value;
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(say('missingOption', name));
  return value;
}

async function organizationBySlug({ db }: Lib, slug: string) {
  const organization = await db.prisma.organization.findUnique({ where: { slug } });
  if (!organization) throw new FailedError(say('noOrganization', slug));
  return organization;
}

/** Option parsing per command; unknown options are usage errors. */
function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Record<string, unknown>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads the options (usage errors come before the database is opened), then returns the work to do. */
type Command = (args: string[]) => (lib: Lib) => Promise<void>;

const commands: Record<string, Command> = {
  'create-admin'(args) {
    const values = parse(args, {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
    });
    const [slug, email, name] = [required(values, 'org'), required(values, 'email'), required(values, 'name')];
    return async (lib) => {
      const organization = await organizationBySlug(lib, slug);
      const { created } = await lib.schema.addMember(lib.ctx, {
        organizationId: organization.id,
        email,
        name,
        role: 'ADMIN',
        title: (values.title as string | undefined) ?? null,
      });
      const address = email.trim().toLowerCase();
      console.log(
        created ? say('added', address, organization.name, address) : say('alreadyAdmin', address, organization.name),
      );
    };
  },

  'create-key'(args) {
    const values = parse(args, {
      org: { type: 'string' },
      kind: { type: 'string' },
      label: { type: 'string' },
      origin: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const slug = required(values, 'org');
    const kindName = required(values, 'kind').toLowerCase();
    if (kindName !== 'publishable' && kindName !== 'secret') throw new UsageError(say('badKind'));
    const kind: ApiKeyKind = kindName === 'publishable' ? 'PUBLISHABLE' : 'SECRET';
    const label = required(values, 'label');
    return async (lib) => {
      const organization = await organizationBySlug(lib, slug);
      const { apiKey, secret } = await lib.schema.createApiKey(lib.ctx, {
        organizationId: organization.id,
        kind,
        label,
        allowedOrigins: (values.origin as string[] | undefined) ?? [],
        scopes: (values.scope as string[] | undefined) ?? [],
      });
      if (values.json) {
        console.log(JSON.stringify({ ...describeKey(apiKey), secret }, null, 2));
        return;
      }
      console.log(say('created', kindName, organization.slug));
      printKey(describeKey(apiKey));
      console.log(`\n${say('showOnce')}\n${secret}`);
    };
  },

  'list-keys'(args) {
    const values = parse(args, { org: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } });
    const slug = required(values, 'org');
    return async (lib) => {
      const organization = await organizationBySlug(lib, slug);
      const keys = await lib.db.prisma.apiKey.findMany({
        where: { organizationId: organization.id, ...(values.all ? {} : { revokedAt: null }) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      if (values.json) {
        console.log(JSON.stringify(keys.map(describeKey), null, 2));
        return;
      }
      if (!keys.length) console.log(say('noKeys'));
      keys.forEach((key, i) => {
        if (i) console.log('');
        printKey(describeKey(key));
      });
    };
  },

  'set-hour-rates'(args) {
    // Euros as written in Slovenia or England: 13, 10.5, 10,50.
    const cents = (text: string) => {
      const match = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim());
      return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : null;
    };
    const year = Number(args[0]);
    const [organisational, content, other] = args.slice(1).map(cents);
    if (args.length !== 4 || !Number.isInteger(year) || organisational == null || content == null || other == null) {
      throw new UsageError(say('rateUsage'));
    }
    return async (lib) => {
      const { changed } = await lib.schema.setHourRates(lib.ctx, {
        year,
        cents: { ORGANISATIONAL: organisational, CONTENT: content, OTHER: other },
      });
      const euros = (cents: number) => (cents / 100).toFixed(2);
      console.log(
        changed
          ? say('ratesSet', String(year), euros(organisational), euros(content), euros(other))
          : say('ratesUnchanged', String(year)),
      );
    };
  },

  'purge-expired'(args) {
    const values = parse(args, { 'dry-run': { type: 'boolean' } });
    return async (lib) => {
      const result = await lib.schema.purgeExpired(lib.ctx, { dryRun: !!values['dry-run'] });
      console.log(say(result.dryRun ? 'wouldPurge' : 'purged', String(result.agreements), String(result.hourLogs)));
    };
  },

  'send-reminders'(args) {
    const values = parse(args, { now: { type: 'string' } });
    const now = values.now === undefined ? new Date() : new Date(String(values.now));
    if (Number.isNaN(now.getTime())) throw new UsageError(say('badNow'));
    return async (lib) => {
      const result = await lib.schema.sendDueEvaluationReminders(lib.db.prisma, lib.ctx.mailer, now);
      console.log(say('remindersSent', String(result.messages), String(result.requests)));
    };
  },

  'revoke-key'(args) {
    const values = parse(args, { id: { type: 'string' } });
    const id = required(values, 'id');
    const rowId = apiKeyRowId(id.trim());
    return async (lib) => {
      if (!(await lib.db.prisma.apiKey.findUnique({ where: { id: rowId }, select: { id: true } }))) {
        throw new FailedError(say('noKey', id));
      }
      const key = await lib.schema.revokeApiKey(lib.ctx, rowId);
      console.log(say('revoked', key.prefix, key.label));
    };
  },
};

interface KeyRow {
  id: string;
  kind: ApiKeyKind;
  label: string;
  prefix: string;
  allowedOrigins: string[];
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function describeKey(key: KeyRow) {
  return {
    id: globalId('ApiKey', key.id),
    kind: key.kind,
    label: key.label,
    prefix: key.prefix,
    allowedOrigins: key.allowedOrigins,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

function printKey(key: ReturnType<typeof describeKey>) {
  const rows: [string, string | null][] = [
    ['id', key.id],
    ['kind', key.kind],
    ['label', key.label],
    ['prefix', `${key.prefix}…`],
    ['origins', key.allowedOrigins.join(', ') || null],
    ['scopes', key.scopes.join(', ') || null],
    ['created', key.createdAt],
    ['last used', key.lastUsedAt],
    ['revoked', key.revokedAt],
  ];
  for (const [name, value] of rows) if (value) console.log(`  ${`${name}:`.padEnd(11)}${value}`);
}

/** Validation errors name the option, e.g. "--origin #2: This is not a valid origin…". */
async function describeFailure(error: unknown): Promise<string> {
  const [{ DatabaseOpenError, MigrationError }, { InputError, TandemError }] = await Promise.all([
    loadDb(),
    loadSchema(),
  ]);
  if (error instanceof InputError) {
    return error.fieldErrors
      .map((f) => {
        const [field, index] = f.path.slice(1);
        const option = { allowedOrigins: '--origin', scopes: '--scope' }[field ?? ''] ?? `--${field}`;
        return `${option}${index !== undefined ? ` #${Number(index) + 1}` : ''}: ${f.message}`;
      })
      .join('\n');
  }
  if (error instanceof TandemError || error instanceof FailedError) return error.message;
  if (error instanceof DatabaseOpenError || error instanceof MigrationError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function printHelp(stream: 'out' | 'err' = 'out') {
  const text = help((await loadSchema()).SECRET_KEY_SCOPES)[locale];
  if (stream === 'out') console.log(text);
  else console.error(text);
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(name ? 'out' : 'err');
    return name ? 0 : EXIT_USAGE;
  }
  const command = commands[name];
  if (!command) {
    console.error(`${say('unknownCommand', name)}\n${say('seeHelp')}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    await printHelp();
    return 0;
  }
  let db: Database | undefined;
  let closeMailer = async () => {};
  try {
    const work = command(args);
    if (process.env.SMTP_URL && !process.env.MAIL_FROM) throw new FailedError(say('mailFrom'));
    const [{ openDatabase, deployMigrations }, schema, { OutboxMailer }, { SmtpMailer }, { operatorContext }] =
      await Promise.all([
        loadDb(),
        loadSchema(),
        import('./mail.ts'),
        import('./smtp-mailer.ts'),
        import('./operator.ts'),
      ]);
    db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.TANDEM_DATA_DIR });
    const applied = await deployMigrations(db.sql);
    if (applied.length) console.error(`Applied migrations: ${applied.join(', ')}`);
    // Mail goes out as npm start sends it: over SMTP when configured, always recorded in the outbox.
    const mailer = process.env.SMTP_URL
      ? new SmtpMailer(db.prisma, { url: process.env.SMTP_URL, from: process.env.MAIL_FROM! })
      : new OutboxMailer(db.prisma);
    if (mailer instanceof SmtpMailer) closeMailer = () => mailer.close();
    await work({ db, schema, ctx: operatorContext(db.prisma, mailer, locale) });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${say('seeHelp')}`);
      return EXIT_USAGE;
    }
    console.error(say('failed', await describeFailure(error)));
    return EXIT_FAILED;
  } finally {
    // Deliveries under way record their outcome in the database, so they finish first.
    await closeMailer();
    await db?.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
