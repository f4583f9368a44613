import type { Database } from '@tandem/db';
import { openTestDatabase } from '@tandem/db/testing';
import { inject } from 'vitest';
import { createSession } from '@tandem/schema';
import { createTandemYoga, type TandemServerOptions, type TandemYoga } from '../src/yoga.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions {
  token?: string;
  locale?: 'sl' | 'en';
  headers?: Record<string, string>;
}

/**
 * A real API over a real, seeded database of this test file's own, called
 * through HTTP semantics with yoga.fetch (no network socket needed).
 */
export class TestApi {
  /** SQL statements Prisma sent since the last reset (for N+1 tests). */
  statements: string[] = [];

  private constructor(
    readonly db: Database,
    readonly yoga: TandemYoga,
  ) {}

  static async start(options: Omit<TandemServerOptions, 'db'> = {}): Promise<TestApi> {
    let api: TestApi | undefined;
    const db = await openTestDatabase(inject('template'), { onQuery: (sql) => api?.statements.push(sql) });
    api = new TestApi(db, createTandemYoga({ db, ...options }));
    return api;
  }

  get prisma() {
    return this.db.prisma;
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': options.locale ?? 'sl',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Like gql, but fails the test on any GraphQL error. */
  async data<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, options);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  /** The seed's first coordinator (by membership id), with their organisation and a session. */
  async firstCoordinator() {
    const membership = await this.prisma.membership.findFirstOrThrow({
      where: { role: 'COORDINATOR' },
      include: { user: true, organization: true },
      orderBy: { id: 'asc' },
    });
    return { membership, organization: membership.organization, token: await this.tokenFor(membership.user.email) };
  }

  /** A session for the user with this e-mail, as the sign-in flow would create it. */
  async tokenFor(email: string): Promise<string> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { email } });
    return createSession(this.prisma, user.id);
  }

  close() {
    return this.db.close();
  }
}

/** The Relay global id of a row (base64 of "Type:id"), as the API hands it out. */
export function toGlobal(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

export function fromGlobal(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString().split(':').slice(1).join(':');
}

/** A birth date that makes someone `years` old (and a bit) today. */
export function birthDateForAge(years: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()) - 86_400_000 * 30)
    .toISOString()
    .slice(0, 10);
}
