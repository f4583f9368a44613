// How a developer reads Tandem: upcoming opportunities in a region, page by
// page, over plain HTTP. Start the API first (`npm start`), then:
//   npm run query --workspace @tandem/examples -- podravska
// Environment: TANDEM_API (default http://127.0.0.1:4000/graphql), TANDEM_LANG (sl | en).

const endpoint = process.env.TANDEM_API ?? 'http://127.0.0.1:4000/graphql';
const region = process.argv[2];

const query = /* GraphQL */ `
  query Upcoming($first: Int!, $after: String, $filter: OpportunityFilter) {
    opportunities(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          title
          organization { name }
          region { name }
          area { name }
          freePlaces
          shifts { startsAt freePlaces }
        }
      }
    }
  }
`;

interface Page {
  opportunities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        title: string;
        organization: { name: string };
        region: { name: string };
        area: { name: string };
        freePlaces: number | null;
        shifts: { startsAt: string; freePlaces: number }[];
      };
    }[];
  };
}

async function graphql<T>(variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': process.env.TANDEM_LANG ?? 'sl' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`Tandem answered ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}

let after: string | null = null;
let shown = 0;
do {
  const page: Page = await graphql<Page>({ first: 10, after, filter: { upcoming: true, ...(region ? { region } : {}) } });
  if (shown === 0) console.log(`${page.opportunities.totalCount} upcoming opportunities${region ? ` in ${region}` : ''}:\n`);
  for (const { node } of page.opportunities.edges) {
    const places = node.freePlaces === null ? 'unlimited places' : `${node.freePlaces} free places`;
    const next = node.shifts.find((s) => new Date(s.startsAt) > new Date());
    console.log(`• ${node.title} — ${node.organization.name} (${node.region.name}, ${node.area.name}); ${places}${next ? `; next shift ${next.startsAt.slice(0, 10)}` : ''}`);
    shown += 1;
  }
  after = page.opportunities.pageInfo.hasNextPage ? page.opportunities.pageInfo.endCursor : null;
} while (after);
export {};
