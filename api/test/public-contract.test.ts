import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: OpportunityFilter) {
    opportunities(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          status
          place
          remote
          freePlaces
          startsAt
          organization {
            slug
            name
          }
          region {
            code
            name
          }
          area {
            code
            name
          }
          shifts {
            id
            startsAt
            capacity
            freePlaces
          }
        }
      }
    }
  }
`;

type ListResult = {
  opportunities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        title: string;
        status: string;
        organization: { slug: string };
        region: { code: string };
        area: { code: string };
      };
    }[];
  };
};

describe('reference data', () => {
  it('lists the 12 statistical regions in official order, named in the request language', async () => {
    const sl = await api.data<{ regions: { code: string; nutsCode: string; name: string }[] }>(
      '{ regions { code nutsCode name } }',
    );
    expect(sl.regions).toHaveLength(12);
    expect(sl.regions.map((r) => r.nutsCode)).toEqual([...sl.regions.map((r) => r.nutsCode)].sort());
    expect(sl.regions.find((r) => r.code === 'podravska')?.name).toBe('Podravska');
    const en = await api.data<{ regions: { code: string; name: string }[] }>(
      '{ regions { code name } }',
      {},
      { locale: 'en' },
    );
    expect(en.regions.find((r) => r.code === 'podravska')?.name).toBe('Drava');
  });

  it('lists areas of volunteering', async () => {
    const { areas } = await api.data<{ areas: { code: string; name: string }[] }>('{ areas { code name } }');
    expect(areas.map((a) => a.code)).toEqual(
      expect.arrayContaining(['SOCIAL', 'EDUCATION', 'CULTURE', 'HUMAN_RIGHTS', 'YOUTH']),
    );
  });
});

describe('organisations and projects', () => {
  it('finds an organisation by slug, with region and areas', async () => {
    const { organization } = await api.data(
      '{ organization(slug: "pekarna-magdalenske-mreze") { id name kind city region { code } areas { code } } }',
    );
    expect(organization).toMatchObject({
      name: 'Pekarna Magdalenske mreže',
      kind: 'NGO',
      city: 'Maribor',
      region: { code: 'podravska' },
    });
    expect(organization.areas.length).toBeGreaterThan(0);
    const { node } = await api.data('query($id: ID!) { node(id: $id) { ... on Organization { slug } } }', {
      id: organization.id,
    });
    expect(node.slug).toBe('pekarna-magdalenske-mreze');
  });

  it('answers null for an unknown slug', async () => {
    expect((await api.data('{ organization(slug: "no-such-org") { id } }')).organization).toBeNull();
  });

  it('shows the Maribor partnership with its lead, partners and five indicators', async () => {
    const { projects } = await api.data(`{
      projects(first: 10) { edges { node { slug name funderName startsOn endsOn
        partners { role organization { name } }
        indicators { position title kind target achieved } } } }
    }`);
    const maribor = projects.edges.map((e: any) => e.node).find((p: any) => p.startsOn === '2019-06-01');
    expect(maribor).toBeDefined();
    expect(maribor.endsOn).toBe('2020-11-30');
    expect(maribor.funderName).toBe('Ministrstvo za javno upravo');
    expect(maribor.partners[0]).toEqual({ role: 'LEAD', organization: { name: 'Pekarna Magdalenske mreže' } });
    expect(maribor.partners.filter((p: any) => p.role === 'PARTNER')).toHaveLength(4);
    expect(maribor.indicators.map((i: any) => i.position)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('opportunities', () => {
  it('lists published opportunities only, with everything a widget shows', async () => {
    const { opportunities } = await api.data<ListResult>(LIST, { first: 100 });
    expect(opportunities.totalCount).toBeGreaterThan(5);
    expect(opportunities.edges.length).toBe(opportunities.totalCount);
    expect(new Set(opportunities.edges.map((e) => e.node.status))).toEqual(new Set(['PUBLISHED']));
    const drafts = await api.prisma.opportunity.count({ where: { status: 'DRAFT' } });
    expect(drafts).toBeGreaterThan(0);
  });

  it('pages through every opportunity exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: ListResult = await api.data<ListResult>(LIST, { first: 4, after });
      total = page.opportunities.totalCount;
      seen.push(...page.opportunities.edges.map((e) => e.node.id));
      after = page.opportunities.pageInfo.hasNextPage ? page.opportunities.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by organisation, area, region and project, and the filters combine', async () => {
    const all = (await api.data<ListResult>(LIST, { first: 100 })).opportunities.edges.map((e) => e.node);
    const sample = all[0]!;
    for (const [filter, check] of [
      [{ organization: sample.organization.slug }, (n: any) => n.organization.slug === sample.organization.slug],
      [{ area: sample.area.code }, (n: any) => n.area.code === sample.area.code],
      [{ region: sample.region.code }, (n: any) => n.region.code === sample.region.code],
    ] as const) {
      const found = (await api.data<ListResult>(LIST, { first: 100, filter })).opportunities;
      expect(found.edges.length).toBe(all.filter(check).length);
      expect(found.totalCount).toBe(found.edges.length);
      expect(found.edges.length).toBeGreaterThan(0);
    }
    const both = await api.data<ListResult>(LIST, {
      first: 100,
      filter: { area: sample.area.code, region: sample.region.code },
    });
    expect(both.opportunities.edges.length).toBe(
      all.filter((n) => n.area.code === sample.area.code && n.region.code === sample.region.code).length,
    );
    // The seeded projects have ended, so their opportunities are closed: publish one more in a project.
    const partner = await api.prisma.projectPartner.findFirstOrThrow({
      include: { project: true, organization: true },
    });
    await api.prisma.opportunity.create({
      data: {
        organizationId: partner.organizationId,
        projectId: partner.projectId,
        slug: 'projektna-test',
        titleSl: 'Projektna priložnost',
        descriptionSl: 'Opis',
        areaCode: 'SOCIAL',
        regionCode: partner.organization.regionCode,
        status: 'PUBLISHED',
      },
    });
    const inProject = await api.data<ListResult>(LIST, { first: 100, filter: { project: partner.project.slug } });
    expect(inProject.opportunities.totalCount).toBe(
      await api.prisma.opportunity.count({ where: { projectId: partner.projectId, status: 'PUBLISHED' } }),
    );
    expect(inProject.opportunities.totalCount).toBeGreaterThan(0);
  });

  it('searches titles without needing Slovenian diacritics', async () => {
    const opportunity = await api.prisma.opportunity.findFirstOrThrow({
      where: { status: 'PUBLISHED', titleSl: { contains: 'č' } },
    });
    const word = opportunity.titleSl.split(/\s+/).find((w) => w.includes('č'))!;
    const plain = word
      .normalize('NFKD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
    for (const search of [word, plain, word.toUpperCase()]) {
      const found = await api.data<ListResult>(LIST, { first: 100, filter: { search } });
      expect(found.opportunities.edges.map((e) => e.node.id)).toContain(
        (await api.data('query($id: ID!) { node(id: $id) { id } }', { id: toGlobal('Opportunity', opportunity.id) }))
          .node.id,
      );
    }
    const none = await api.data<ListResult>(LIST, { filter: { search: 'zzzqqqxxx' } });
    expect(none.opportunities.totalCount).toBe(0);
  });

  it('keeps only upcoming opportunities when asked', async () => {
    const upcoming = await api.data<ListResult>(LIST, { first: 100, filter: { upcoming: true } });
    const all = await api.data<ListResult>(LIST, { first: 100 });
    expect(upcoming.opportunities.totalCount).toBeGreaterThan(0);
    expect(upcoming.opportunities.totalCount).toBeLessThanOrEqual(all.opportunities.totalCount);
    const now = new Date();
    for (const edge of upcoming.opportunities.edges) {
      const row = await api.prisma.opportunity.findUniqueOrThrow({
        where: { id: fromGlobal(edge.node.id) },
        include: { shifts: true },
      });
      const ahead = (row.endsAt ?? row.startsAt ?? new Date(0)) >= now || row.shifts.some((s) => s.startsAt >= now);
      expect(ahead).toBe(true);
    }
  });

  it('shows one opportunity with shifts, questions and free places', async () => {
    const row = await api.prisma.opportunity.findFirstOrThrow({
      where: { status: 'PUBLISHED', shifts: { some: {} }, questions: { some: {} } },
      include: { shifts: { include: { applications: true } } },
    });
    const { opportunity } = await api.data(
      `query($id: ID!) { opportunity(id: $id) { title description freePlaces
         shifts { capacity freePlaces } questions { id type label required choices { value label } } } }`,
      { id: toGlobal('Opportunity', row.id) },
    );
    expect(opportunity.shifts).toHaveLength(row.shifts.length);
    const expected = row.shifts
      .map((s) => Math.max(0, s.capacity - s.applications.filter((a) => a.status === 'ACCEPTED').length))
      .sort();
    expect(opportunity.shifts.map((s: any) => s.freePlaces).sort()).toEqual(expected);
    expect(opportunity.questions.length).toBeGreaterThan(0);
  });

  it('hides drafts from the public, by id and by node', async () => {
    const draft = await api.prisma.opportunity.findFirstOrThrow({ where: { status: 'DRAFT' } });
    const id = toGlobal('Opportunity', draft.id);
    expect((await api.data('query($id: ID!) { opportunity(id: $id) { id } }', { id })).opportunity).toBeNull();
    const viaNode = await api.gql('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(viaNode.data?.node ?? null).toBeNull();
    const listed = await api.gql(LIST, { filter: { status: 'DRAFT' } });
    expect((listed.data as ListResult).opportunities.totalCount).toBe(0);
  });

  it('returns the current evaluation templates and one by id', async () => {
    const { evaluationTemplates } = await api.data(
      '{ evaluationTemplates { id kind version title questions { id type prompt } } }',
    );
    expect(evaluationTemplates.length).toBeGreaterThanOrEqual(4);
    const kinds = new Set(evaluationTemplates.map((t: any) => t.kind));
    expect(kinds).toEqual(
      new Set(['VOLUNTEER_SELF', 'MENTOR_OF_VOLUNTEER', 'VOLUNTEER_OF_PLACEMENT', 'ORGANIZATION_SELF']),
    );
    const first = evaluationTemplates[0];
    const { evaluationTemplate } = await api.data(
      'query($id: ID!) { evaluationTemplate(id: $id) { id questions { id } } }',
      { id: first.id },
    );
    expect(evaluationTemplate.questions).toEqual(first.questions.map((q: any) => ({ id: q.id })));
  });

  it('answers me as null without a session', async () => {
    expect((await api.data('{ me { id } }')).me).toBeNull();
  });
});
