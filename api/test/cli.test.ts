import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, deployMigrations, isPostgresUrl, openDatabase } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The command-line tool, run as `npm run tandem` runs it (a tsx child process)
 * against a throw-away database: a temporary embedded one, or a scratch
 * database on the PostgreSQL server of DATABASE_URL.
 */
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
let dataDir: string | undefined;
let scratch: { name: string; url: string } | undefined;

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete env.DATABASE_URL;
  delete env.TANDEM_DATA_DIR;
  delete env.SMTP_URL;
  if (scratch) env.DATABASE_URL = scratch.url;
  else env.TANDEM_DATA_DIR = dataDir;
  return env;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: apiDir, env: childEnv(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Opens the throw-away database in this process (only between CLI runs: PGlite has one owner at a time). */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(scratch ? { url: scratch.url, poolSize: 1 } : { dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  if (serverUrl) {
    const name = `tandem_cli_${randomBytes(6).toString('hex')}`;
    const server = await openDatabase({ url: serverUrl, poolSize: 1 });
    await server.sql.exec(`CREATE DATABASE "${name}"`).finally(() => server.close());
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    scratch = { name, url: url.toString() };
  } else {
    dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-cli-')), 'db');
  }
  await withDatabase(async (db) => {
    await deployMigrations(db.sql);
    await db.prisma.region.create({
      data: { code: 'podravska', nutsCode: 'SI032', nameSl: 'Podravska', nameEn: 'Podravska', sortOrder: 3 },
    });
    await db.prisma.organization.create({
      data: { slug: 'cli-drustvo', name: 'Društvo CLI', kind: 'NGO', regionCode: 'podravska', city: 'Maribor' },
    });
  });
}, 120_000);

afterAll(async () => {
  if (dataDir) rmSync(dirname(dataDir), { recursive: true, force: true });
  if (scratch && serverUrl) {
    const server = await openDatabase({ url: serverUrl, poolSize: 1 });
    await server.sql.exec(`DROP DATABASE IF EXISTS "${scratch.name}" WITH (FORCE)`).finally(() => server.close());
  }
});

describe('npm run tandem', () => {
  it('explains itself and rejects wrong usage with exit code 2, before touching the database', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['create-admin', 'create-key', 'list-keys', 'revoke-key', 'reports:read']) {
      expect(help.stdout).toContain(command);
    }
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');

    const unknown = await cli('make-coffee');
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('Unknown command: make-coffee');

    const missing = await cli('create-key', '--org', 'cli-drustvo', '--label', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --kind.');
    const badKind = await cli('create-key', '--org', 'cli-drustvo', '--kind', 'public', '--label', 'x');
    expect(badKind.code).toBe(2);
    const unknownOption = await cli('list-keys', '--org', 'cli-drustvo', '--colour');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('--colour');
  }, 120_000);

  it('creates, lists and revokes keys, printing each secret once', async () => {
    const publishable = await cli(
      'create-key',
      '--org',
      'cli-drustvo',
      '--kind',
      'publishable',
      '--label',
      'Spletna stran',
      '--origin',
      'https://www.cli.si/',
      '--origin',
      'http://localhost:8080',
    );
    expect(publishable.stderr).toBe('');
    expect(publishable.code).toBe(0);
    const pk = /^(pk_[A-Za-z0-9_-]{43})$/m.exec(publishable.stdout)?.[1];
    expect(pk).toBeDefined();
    expect(publishable.stdout).toContain('https://www.cli.si, http://localhost:8080');

    const secret = await cli(
      'create-key',
      '--org',
      'cli-drustvo',
      '--kind',
      'secret',
      '--label',
      'Poročila',
      '--scope',
      'reports:read',
      '--scope',
      'hours:read',
      '--json',
    );
    expect(secret.code).toBe(0);
    const created = JSON.parse(secret.stdout);
    expect(created).toMatchObject({ kind: 'SECRET', label: 'Poročila', scopes: ['hours:read', 'reports:read'] });
    expect(created.secret).toMatch(/^sk_/);
    expect(created.prefix).toBe(created.secret.slice(0, 12));

    const listed = await cli('list-keys', '--org', 'cli-drustvo', '--json');
    expect(listed.code).toBe(0);
    const keys = JSON.parse(listed.stdout) as { id: string; label: string; revokedAt: string | null }[];
    expect(keys.map((k) => k.label).sort()).toEqual(['Poročila', 'Spletna stran']);
    expect(listed.stdout).not.toContain(pk);
    expect(listed.stdout).not.toContain(created.secret);

    const revoked = await cli('revoke-key', '--id', created.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${created.prefix}`);
    const live = await cli('list-keys', '--org', 'cli-drustvo');
    expect(live.stdout).toContain(`${pk!.slice(0, 12)}…`);
    expect(live.stdout).not.toContain(created.prefix);
    const all = JSON.parse((await cli('list-keys', '--org', 'cli-drustvo', '--all', '--json')).stdout);
    expect(all.find((k: { id: string }) => k.id === created.id).revokedAt).toBeTruthy();

    await withDatabase(async (db) => {
      const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { keyHash: sha256(pk!) } });
      expect(row).toMatchObject({
        kind: 'PUBLISHABLE',
        allowedOrigins: ['https://www.cli.si', 'http://localhost:8080'],
      });
      expect(row.createdById).toBeNull();
      const secretRow = await db.prisma.apiKey.findUniqueOrThrow({ where: { keyHash: sha256(created.secret) } });
      expect(secretRow.revokedAt).not.toBeNull();
      expect(await db.prisma.auditLog.count({ where: { action: 'apiKey.create', actorId: null } })).toBe(2);
      expect(await db.prisma.auditLog.count({ where: { action: 'apiKey.revoke', subjectId: secretRow.id } })).toBe(1);
    });
  }, 180_000);

  it('fails with exit code 1 and a reason on stderr', async () => {
    const badOrigin = await cli(
      'create-key',
      '--org',
      'cli-drustvo',
      '--kind',
      'publishable',
      '--label',
      'x',
      '--origin',
      'http://www.cli.si',
    );
    expect(badOrigin).toMatchObject({ code: 1, stdout: '' });
    expect(badOrigin.stderr).toContain('--origin #1: This is not a valid origin');
    const noOrg = await cli('list-keys', '--org', 'no-such-org');
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('No organisation with the slug "no-such-org"');
    const noKey = await cli('revoke-key', '--id', 'QXBpS2V5Om5vbmU=');
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('No API key');
  }, 120_000);

  it('makes a person an admin and mails them how to sign in', async () => {
    const added = await cli(
      'create-admin',
      '--org',
      'cli-drustvo',
      '--email',
      'Vodja@CLI.si',
      '--name',
      'Vodja Društva',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('vodja@cli.si is now an admin of Društvo CLI');
    expect(added.stdout).toContain('one-time code');
    const repeated = await cli('create-admin', '--org', 'cli-drustvo', '--email', 'vodja@cli.si', '--name', 'Vodja');
    expect(repeated.code).toBe(0);
    expect(repeated.stdout).toContain('already an admin');
    const invalid = await cli('create-admin', '--org', 'cli-drustvo', '--email', 'nope', '--name', 'Vodja');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('--email');

    await withDatabase(async (db) => {
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { email: 'vodja@cli.si' },
        include: { memberships: { include: { organization: true } } },
      });
      expect(user.name).toBe('Vodja Društva');
      expect(user.memberships.map((m) => [m.organization.slug, m.role])).toEqual([['cli-drustvo', 'ADMIN']]);
      const mail = await db.prisma.outboxMessage.findMany({ where: { to: 'vodja@cli.si' } });
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ kind: 'member-invitation' });
      expect(await db.prisma.auditLog.count({ where: { action: 'member.add', actorId: null } })).toBe(1);
    });
  }, 120_000);
});

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
