import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

/** One opportunity as the widgets' list shows it. */
const NODE = /* GraphQL */ `
  {
    id
    title
    description
    place
    remote
    freePlaces
    startsAt
    endsAt
    skills
    organization {
      name
      slug
      region {
        name
      }
    }
    region {
      code
      name
    }
    area {
      code
      name
    }
    project {
      name
    }
    mentor {
      name
    }
    shifts {
      id
      startsAt
      endsAt
      capacity
      freePlaces
      label
    }
    questions {
      id
      label
      type
      choices {
        value
        label
      }
    }
  }
`;

const PUBLIC_LIST = /* GraphQL */ `
  query ($first: Int) {
    opportunities(first: $first) {
      totalCount
      edges {
        node ${NODE}
      }
    }
  }
`;

async function statementsFor(first: number) {
  api.statements = [];
  const result = await api.data<{ opportunities: { edges: unknown[] } }>(PUBLIC_LIST, { first });
  return { statements: [...api.statements], rows: result.opportunities.edges.length };
}

describe('the public opportunity list', () => {
  it('runs the same small number of SQL statements whatever the page size', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(50);
    expect(small.rows).toBe(2);
    expect(large.rows).toBeGreaterThan(10);
    // One statement for the page with all its relations and counts, and the list's totalCount.
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements).toHaveLength(1);
    // PostgreSQL writes each node's JSON (sql-render.ts) beside the count.
    expect(large.statements[0]).toMatch(/^SELECT concat\('\{"id":'[\s\S]* AS "row"[\s\S]* AS "total"/);
  });

  it('counts the list in the page statement only when totalCount is asked for, and without a page too', async () => {
    // Without a filter, the count is the one the triggers keep per status (see below).
    const count = (statements: string[]) => statements.filter((s) => /FROM "OpportunityStatusCount"/.test(s)).length;
    api.statements = [];
    const all = await api.data<{ opportunities: { totalCount: number; edges: { cursor: string }[] } }>(
      'query { opportunities(first: 100) { ...Counted edges { cursor } } } fragment Counted on OpportunityConnection { totalCount }',
    );
    expect(all.opportunities.edges).toHaveLength(all.opportunities.totalCount);
    expect(api.statements).toHaveLength(1);
    expect(count(api.statements)).toBe(1);

    api.statements = [];
    await api.data('query { opportunities(first: 5) { edges { node { id } } } }');
    expect(count(api.statements)).toBe(0);

    // After the last row: no rows to carry the count, which then takes its own statement.
    const last = all.opportunities.edges.at(-1)!.cursor;
    api.statements = [];
    const past = await api.data<{ opportunities: { totalCount: number; edges: unknown[] } }>(
      'query ($after: String) { opportunities(first: 5, after: $after) { totalCount edges { cursor } } }',
      { after: last },
    );
    expect(past.opportunities).toEqual({ totalCount: all.opportunities.totalCount, edges: [] });
    expect(api.statements).toHaveLength(2);
  });

  it('reads the unfiltered totalCount from the counts the triggers keep, counts a filtered list, and both follow publishing and closing', async () => {
    const { organization, token } = await api.firstCoordinator();
    const TOTAL = 'query ($filter: OpportunityFilter) { opportunities(first: 1, filter: $filter) { totalCount } }';
    const totalFor = async (filter?: Record<string, unknown>) => {
      api.statements = [];
      const { opportunities } = await api.data<{ opportunities: { totalCount: number } }>(TOTAL, { filter });
      return { total: opportunities.totalCount, statements: api.statements.join('\n') };
    };
    const totals = async () => {
      const all = await totalFor();
      const inRegion = await totalFor({ region: organization.regionCode });
      expect(all.statements).toContain('FROM "OpportunityStatusCount"');
      expect(inRegion.statements).not.toContain('OpportunityStatusCount');
      const [counted] = await api.db.sql.query<{ all: number; inRegion: number }>(
        `SELECT count(*)::int AS "all", (count(*) FILTER (WHERE "regionCode" = $1))::int AS "inRegion"
         FROM "Opportunity" WHERE "status" = 'PUBLISHED'`,
        [organization.regionCode],
      );
      expect({ all: all.total, inRegion: inRegion.total }).toEqual(counted);
      return counted!;
    };
    const before = await totals();
    const { createOpportunity } = await api.data<{ createOpportunity: { opportunity: { id: string } } }>(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) { ... on OpportunityPayload { opportunity { id } } }
      }`,
      {
        input: {
          organizationId: toGlobal('Organization', organization.id),
          titleSl: 'Štetje objavljenih priložnosti',
          descriptionSl: 'Priložnost, ki jo objavimo in zapremo.',
          areaCode: 'SOCIAL',
          regionCode: organization.regionCode,
        },
      },
      { token },
    );
    const id = createOpportunity.opportunity.id;
    expect(await totals()).toEqual(before);
    await api.data('mutation ($id: ID!) { publishOpportunity(input: { id: $id }) { __typename } }', { id }, { token });
    expect(await totals()).toEqual({ all: before.all + 1, inRegion: before.inRegion + 1 });
    await api.data('mutation ($id: ID!) { closeOpportunity(input: { id: $id }) { __typename } }', { id }, { token });
    expect(await totals()).toEqual(before);
  });

  it('answers each opportunity as `opportunity(id)` does, whose rows Prisma loads', async () => {
    const list = await api.data<{ opportunities: { edges: { node: { id: string } }[] } }>(PUBLIC_LIST, { first: 30 });
    expect(list.opportunities.edges.length).toBeGreaterThan(10);
    for (const locale of ['sl', 'en'] as const) {
      const page = locale === 'sl' ? list : await api.data<typeof list>(PUBLIC_LIST, { first: 30 }, { locale });
      for (const { node } of page.opportunities.edges) {
        const one = await api.data<{ opportunity: unknown }>(
          `query ($id: ID!) { opportunity(id: $id) ${NODE} }`,
          { id: node.id },
          { locale },
        );
        expect(one.opportunity).toEqual(node);
      }
    }
  });

  it('pages with after and before like the cursor pagination it replaces', async () => {
    const ALL =
      'query ($first: Int, $after: String, $last: Int, $before: String) { opportunities(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id startsAt } } } }';
    type Page = {
      opportunities: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
        edges: { cursor: string; node: { id: string; startsAt: string | null } }[];
      };
    };
    const everything = (await api.data<Page>(ALL, { first: 100 })).opportunities;
    expect(everything.edges.length).toBe(everything.totalCount);
    // Soonest first, those without a start last.
    const starts = everything.edges.map((e) => e.node.startsAt);
    const dated = starts.filter((s): s is string => s !== null);
    expect(dated).toEqual([...dated].sort());
    expect(starts.slice(dated.length).every((s) => s === null)).toBe(true);

    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await api.data<Page>(ALL, { first: 3, after })).opportunities;
      expect(page.totalCount).toBe(everything.totalCount);
      ids.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(!!after);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toEqual(everything.edges.map((e) => e.node.id));

    const back: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = (await api.data<Page>(ALL, { last: 4, before })).opportunities;
      expect(page.totalCount).toBe(everything.totalCount);
      back.unshift(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(back).toEqual(ids);
  });

  it('answers each filter value with its own rows', async () => {
    const LIST =
      'query ($filter: OpportunityFilter) { opportunities(first: 100, filter: $filter) { totalCount edges { node { id remote area { code } } } } }';
    type List = {
      opportunities: { totalCount: number; edges: { node: { id: string; remote: boolean; area: { code: string } } }[] };
    };
    const ids = (list: List) => list.opportunities.edges.map((e) => e.node.id);
    const all = (await api.data<List>(LIST, {})).opportunities.edges.map((e) => e.node);
    const areas = [...new Set(all.map((o) => o.area.code))];
    expect(areas.length).toBeGreaterThan(1);
    // The same shape (one condition of a kind) with each value in turn, each checked against the whole list.
    for (const remote of [true, false, true]) {
      const list = await api.data<List>(LIST, { filter: { remote } });
      expect(ids(list)).toEqual(all.filter((o) => o.remote === remote).map((o) => o.id));
      expect(list.opportunities.totalCount).toBe(ids(list).length);
    }
    for (const area of [...areas, areas[0]!]) {
      const list = await api.data<List>(LIST, { filter: { area } });
      expect(ids(list)).toEqual(all.filter((o) => o.area.code === area).map((o) => o.id));
    }
    const both = await api.data<List>(LIST, { filter: { area: areas[0], remote: false } });
    expect(ids(both)).toEqual(all.filter((o) => o.area.code === areas[0] && !o.remote).map((o) => o.id));
  });

  it('loads a selection the JSON statement does not cover with Prisma, for the same page', async () => {
    const query = `query ($first: Int) { opportunities(first: $first) { edges { node { id title project { name partners { role organization { name } } } } } } }`;
    api.statements = [];
    const small = await api.data<{ opportunities: { edges: { node: { id: string; title: string } }[] } }>(query, {
      first: 2,
    });
    const smallCount = api.statements.length;
    api.statements = [];
    const large = await api.data<typeof small>(query, { first: 40 });
    expect(api.statements.length).toBe(smallCount);
    expect(smallCount).toBeLessThanOrEqual(3);
    const plain = await api.data<typeof small>(PUBLIC_LIST, { first: 40 });
    expect(large.opportunities.edges.map((e) => [e.node.id, e.node.title])).toEqual(
      plain.opportunities.edges.map((e) => [(e.node as { id: string }).id, (e.node as { title: string }).title]),
    );
  });
});

describe("a mentor's mentees with their learning paths", () => {
  it('reads every mentee’s goals with one statement, each cut to the organisations the mentor mentors them in', async () => {
    const organization = await api.prisma.organization.findFirstOrThrow({
      where: { slug: 'pekarna-magdalenske-mreze' },
    });
    const other = await api.prisma.organization.findFirstOrThrow({ where: { id: { not: organization.id } } });
    const mentor = await api.prisma.user.create({
      data: {
        email: 'mentor.statements@example.org',
        name: 'Mentorica Štetja',
        memberships: { create: { organizationId: organization.id, role: 'MENTOR' } },
      },
    });
    const token = await api.tokenFor(mentor.email);
    const MENTEES = `{ me { mentees(current: true, first: 50) { edges { node { volunteer { name learningGoals { title } } } } } } }`;
    const addMentee = async (n: number) => {
      const volunteer = await api.prisma.user.create({
        data: { email: `mentee.${n}@statements.example.org`, name: `Mentiranec ${n}` },
      });
      await api.prisma.mentorAssignment.create({
        data: {
          mentorId: mentor.id,
          volunteerId: volunteer.id,
          organizationId: organization.id,
          startsOn: new Date('2020-01-01'),
        },
      });
      await api.prisma.learningGoal.createMany({
        data: [
          { volunteerId: volunteer.id, organizationId: organization.id, title: `Cilj ${n}` },
          // Elsewhere, where she is not their mentor: never shown to her.
          { volunteerId: volunteer.id, organizationId: other.id, title: `Drugje ${n}` },
        ],
      });
    };
    const read = async () => {
      api.statements = [];
      const { me } = await api.data<{
        me: { mentees: { edges: { node: { volunteer: { name: string; learningGoals: { title: string }[] } } }[] } };
      }>(MENTEES, {}, { token });
      return { statements: api.statements.length, mentees: me.mentees.edges.map((e) => e.node.volunteer) };
    };

    await addMentee(1);
    // The session's first use records itself: counted from the second request on.
    await read();
    const one = await read();
    for (const n of [2, 3, 4, 5]) await addMentee(n);
    const five = await read();
    expect(five.mentees).toHaveLength(5);
    for (const mentee of five.mentees) {
      expect(mentee.learningGoals).toEqual([{ title: `Cilj ${mentee.name.split(' ')[1]}` }]);
    }
    expect(five.statements).toBe(one.statements);
  });
});
