// The lean executor must answer exactly what the general executor answers, and
// give up (answer null) wherever it could not: each case runs both on the same
// database and compares the JSON, key order included.
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeLean, RawJson, schema } from '@tandem/schema';
import { ApiKeyLookup } from '../src/api-key-lookup.ts';
import { PERSISTED_OPERATIONS } from '../src/caching.ts';
import { OutboxMailer } from '../src/mail.ts';
import { requestContext } from '../src/request-context.ts';
import { TestApi } from './harness.ts';

let api: TestApi;
let coordinatorToken: string;
let organizationSlug: string;

beforeAll(async () => {
  api = await TestApi.start();
  const { membership, organization, token } = await api.firstCoordinator();
  organizationSlug = organization.slug;
  coordinatorToken = token;
  // A draft of the coordinator's organisation: only its staff may see it.
  const published = await api.prisma.opportunity.findFirstOrThrow({
    where: { organizationId: membership.organizationId, status: 'PUBLISHED' },
    orderBy: { id: 'asc' },
  });
  await api.prisma.opportunity.update({ where: { id: published.id }, data: { status: 'DRAFT' } });
});
afterAll(() => api.close());

const WIDGET_LIST = Object.values(PERSISTED_OPERATIONS).find((query) =>
  query.startsWith('query PublicOpportunities('),
)!;

interface Case {
  query: string;
  variables?: Record<string, unknown>;
  locale?: 'sl' | 'en';
  token?: string;
}

async function contextFor({ locale = 'sl', token }: Case) {
  const request = new Request('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'accept-language': locale, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const apiKeys = new ApiKeyLookup(api.prisma);
  return requestContext(
    { db: api.db, mailer: new OutboxMailer(api.prisma), trustProxy: false, apiKeys },
    request,
    undefined,
  );
}

/** Both executors on the same operation, each with a context of its own. */
async function both(c: Case) {
  const document = parse(c.query);
  const args = { schema, document, variableValues: c.variables ?? {} };
  const lean = await executeLean({ ...args, contextValue: await contextFor(c) });
  const general = await execute({ ...args, contextValue: await contextFor(c) });
  return {
    lean: lean && JSON.stringify(lean),
    general: JSON.stringify(general),
    generalResult: general,
    rendered: lean ? renderedNodes(lean.data) : 0,
  };
}

/** How many objects of a lean answer PostgreSQL rendered (sql-render.ts). */
function renderedNodes(value: unknown): number {
  if (value instanceof RawJson) return 1;
  if (!value || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, item) => sum + renderedNodes(item), 0);
}

describe('the lean executor', () => {
  it('answers the widgets’ list exactly as the general executor, in both languages and on later pages', async () => {
    for (const locale of ['sl', 'en'] as const) {
      const first = await both({ query: WIDGET_LIST, variables: { first: 5 }, locale });
      expect(first.lean).not.toBeNull();
      expect(first.lean).toBe(first.general);
      expect(first.rendered).toBe(5);
      const page = first.generalResult.data as { opportunities: { pageInfo: { endCursor: string } } };
      expect(page.opportunities.pageInfo.endCursor).toBeTruthy();
      const second = await both({
        query: WIDGET_LIST,
        variables: { first: 5, after: page.opportunities.pageInfo.endCursor },
        locale,
      });
      expect(second.lean).not.toBeNull();
      expect(second.lean).toBe(second.general);
      expect(second.rendered).toBe(5);
    }
  });

  it('answers the same over HTTP, with the rendered JSON spliced into the response', async () => {
    const hash = Object.entries(PERSISTED_OPERATIONS).find(([, query]) => query === WIDGET_LIST)![0];
    for (const locale of ['sl', 'en'] as const) {
      const { general } = await both({ query: WIDGET_LIST, variables: { first: 7 }, locale });
      const response = await api.gql(WIDGET_LIST, { first: 7 }, { locale });
      expect(JSON.stringify(response)).toBe(general);
      // As the widgets fetch it: the response cache adds fields of its own to the query and takes them
      // out of the answer, which it could not do inside a rendered object.
      const params = new URLSearchParams({
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
        variables: JSON.stringify({ first: 7 }),
      });
      for (let i = 0; i < 2; i++) {
        const cached = await api.yoga.fetch(`http://127.0.0.1/graphql?${params}`, {
          headers: { 'accept-language': locale },
        });
        expect(JSON.stringify(await cached.json())).toBe(general);
      }
    }
  });

  it('renders in PostgreSQL what the resolvers answer for unusual rows', async () => {
    const { membership } = await api.firstCoordinator();
    const organization = await api.prisma.organization.findUniqueOrThrow({ where: { id: membership.organizationId } });
    const hour = 3_600_000;
    const base = {
      organizationId: organization.id,
      areaCode: (await api.prisma.area.findFirstOrThrow()).code,
      regionCode: organization.regionCode,
      status: 'PUBLISHED' as const,
      startsAt: new Date(Date.now() + 24 * hour),
    };
    // No English, no place, no capacity (unlimited), no shifts, no project or mentor,
    // and text that JSON must escape.
    await api.prisma.opportunity.create({
      data: {
        ...base,
        slug: 'render-odd-1',
        titleSl: 'Narekovaji " in \\ poševnica, nova\nvrstica, tab\t, \u0001 in emoji 🙂',
        titleEn: null,
        descriptionSl: 'Opis',
        descriptionEn: '',
        remote: true,
        skills: [],
      },
    });
    // Skills NULL in the column (it is nullable; rows written outside Prisma can hold it).
    await api.prisma.opportunity.create({
      data: { ...base, slug: 'render-odd-3', titleSl: 'Brez veščin', descriptionSl: 'Opis', remote: false },
    });
    await api.prisma.$executeRaw`UPDATE "Opportunity" SET "skills" = NULL WHERE "slug" = 'render-odd-3'`;
    // Shifts past and ahead, labels in one language or none, questions with and without choices.
    await api.prisma.opportunity.create({
      data: {
        ...base,
        slug: 'render-odd-2',
        titleSl: 'Izmene',
        titleEn: 'Shifts',
        descriptionSl: 'Opis',
        capacity: 4,
        skills: ['a', 'b "c"'],
        publishedAt: new Date('2026-01-02T03:04:05.678Z'),
        shifts: {
          create: [
            { startsAt: new Date(Date.now() - 48 * hour), endsAt: new Date(Date.now() - 47 * hour), capacity: 3 },
            {
              startsAt: new Date(Date.now() + 48 * hour),
              endsAt: new Date(Date.now() + 49 * hour),
              capacity: 2,
              labelSl: '',
              labelEn: 'Morning',
            },
            {
              startsAt: new Date(Date.now() + 72 * hour),
              endsAt: new Date(Date.now() + 73 * hour),
              capacity: 5,
              labelSl: 'Popoldne',
            },
          ],
        },
        questions: {
          create: [
            { position: 1, type: 'TEXT', labelSl: 'Zakaj?', labelEn: '' },
            {
              position: 2,
              type: 'SINGLE_CHOICE',
              labelSl: 'Kdaj?',
              labelEn: 'When?',
              options: [
                { value: 'am', labelSl: 'Dopoldne', labelEn: '' },
                { value: 'pm', labelSl: 'Popoldne', labelEn: 'Afternoon' },
                { value: 'x', labelSl: 'Brez prevoda' },
              ],
            },
          ],
        },
      },
    });
    const query = /* GraphQL */ `
      query Odd($filter: OpportunityFilter) {
        opportunities(first: 100, filter: $filter) {
          edges {
            node {
              id
              slug
              title
              description
              place
              remote
              capacity
              freePlaces
              publishedAt
              startsAt
              applyBy
              skills
              project {
                name
              }
              mentor {
                name
              }
              shifts {
                id
                label
                freePlaces
                startsAt
              }
              questions {
                id
                type
                required
                label
                choices {
                  value
                  label
                }
              }
            }
          }
        }
      }
    `;
    for (const locale of ['sl', 'en'] as const) {
      const result = await both({ query, variables: { filter: { organization: organization.slug } }, locale });
      expect(result.lean).toBe(result.general);
      const edges = (result.generalResult.data as { opportunities: { edges: unknown[] } }).opportunities.edges;
      expect(result.rendered).toBe(edges.length);
      expect(result.general).toContain('render-odd-2');
      expect(result.general).toContain('render-odd-3');
    }
  });

  it('answers filtered lists, including an empty one', async () => {
    for (const filter of [
      { upcoming: true },
      { remote: false },
      { search: 'mlad' },
      { search: 'no such words here' },
    ]) {
      const { lean, general } = await both({ query: WIDGET_LIST, variables: { first: 20, filter } });
      expect(lean).not.toBeNull();
      expect(lean).toBe(general);
    }
  });

  it('follows aliases, fragments, __typename and fields asked twice', async () => {
    const query = /* GraphQL */ `
      query Shaped {
        __typename
        list: opportunities(first: 3) {
          __typename
          count: totalCount
          edges {
            cursor
            node {
              ...Card
              ... on Opportunity {
                heading: title
                shifts {
                  id
                  free: freePlaces
                }
              }
              shifts {
                __typename
                label
              }
              organization {
                __typename
                name
              }
            }
          }
          pageInfo {
            ...Paging
          }
        }
      }
      fragment Card on Opportunity {
        __typename
        id
        title
        status
        publishedAt
        questions {
          label
          choices {
            value
            label
          }
        }
      }
      fragment Paging on PageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    `;
    const { lean, general } = await both({ query, locale: 'en' });
    expect(lean).not.toBeNull();
    expect(lean).toBe(general);
    expect(JSON.parse(lean!).data.list.edges[0].node).toMatchObject({
      __typename: 'Opportunity',
      heading: expect.any(String),
      shifts: expect.any(Array),
    });
  });

  it('gives up on drafts, whose type scopes depend on the viewer, and the API still answers them', async () => {
    const variables = { first: 20, filter: { status: 'DRAFT', organization: organizationSlug } };
    const staff = await both({ query: WIDGET_LIST, variables, token: coordinatorToken });
    // Rendered rows carry the columns the type's scopes read, so drafts are refused there too.
    expect(staff.lean).toBeNull();
    const { opportunities } = await api.data(WIDGET_LIST, variables, { token: coordinatorToken });
    expect(opportunities.totalCount).toBeGreaterThan(0);
    expect(JSON.stringify({ data: { opportunities } })).toBe(staff.general);
  });

  it('gives up where it cannot plan, or where the general executor reports an error', async () => {
    const cases: Case[] = [
      // Directives depend on variables.
      { query: 'query($all: Boolean!) { opportunities { totalCount @include(if: $all) } }', variables: { all: true } },
      // A root field that did not opt in.
      { query: '{ opportunities { totalCount } areas { code } }' },
      // Arguments the connection refuses.
      { query: 'query($c: String) { opportunities(first: 5, before: $c) { totalCount } }', variables: { c: 'x' } },
      // A cursor that is not one.
      { query: WIDGET_LIST, variables: { first: 5, after: 'not a cursor' } },
    ];
    for (const c of cases) {
      const { lean } = await both(c);
      expect(lean, c.query).toBeNull();
    }
    const refused = await api.gql(WIDGET_LIST, { first: 5, after: 'not a cursor' });
    expect(refused.errors?.length).toBeGreaterThan(0);
  });
});
