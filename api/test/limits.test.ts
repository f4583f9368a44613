import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

describe('request limits and error handling', () => {
  it('refuses queries nested deeper than 10 levels before running them', async () => {
    // Application ↔ Opportunity is a cycle a malicious client could nest forever.
    const cycle = (levels: number): string =>
      levels === 0 ? 'id' : `applications { edges { node { opportunity { ${cycle(levels - 1)} } } } }`;
    const result = await api.gql(`{ opportunities { edges { node { ${cycle(3)} } } } }`);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses queries whose cost is too high, such as one repeated under many aliases', async () => {
    const page = `opportunities(first: 100) { edges { node { project { partners { organization {
      areas { code name } region { code name } } } } shifts { id freePlaces } questions { id choices { value } } } } }`;
    const expensive = `{ ${['a', 'b', 'c', 'd', 'e'].map((alias) => `${alias}: ${page}`).join(' ')} }`;
    const result = await api.gql(expensive);
    expect(result.errors?.[0]?.message).toMatch(/complexity/i);
    const reasonable = await api.gql('{ opportunities(first: 20) { edges { node { title shifts { id } } } } }');
    expect(reasonable.errors).toBeUndefined();
  });

  it('reports malformed ids as absent, not as crashes', async () => {
    const result = await api.data('{ opportunity(id: "not-base64!") { id } evaluationTemplate(id: "xyz") { id } }');
    expect(result).toEqual({ opportunity: null, evaluationTemplate: null });
  });

  it('asks for a session where one is needed, in the request language', async () => {
    const result = await api.gql('{ hourSummary(year: 2025) { year } }', {}, { locale: 'en' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'You need to sign in for this.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
