import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const PUBLIC_LIST = /* GraphQL */ `
  query ($first: Int) {
    opportunities(first: $first) {
      totalCount
      edges {
        node {
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
    // One statement for the page with all its relations and counts, one for totalCount.
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(3);
  });
});
