import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.
// PublicOpportunities is also what the bench measures: its text is kept as the
// bench's results describe it (prettier-ignore).

/** One page of published opportunities with all a list item and its detail view show. */
// prettier-ignore
export const PublicOpportunities = graphql(`query PublicOpportunities($first: Int, $after: String, $filter: OpportunityFilter) {
  opportunities(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
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
        organization { name slug region { name } }
        region { code name }
        area { code name }
        project { name }
        mentor { name }
        shifts { id startsAt endsAt capacity freePlaces label }
        questions { id label type choices { value label } }
      }
    }
  }
}`);

/** What the filters offer: regions, areas, organisations and projects. */
// prettier-ignore
export const PublicFilters = graphql(`query PublicFilters {
  regions { code name }
  areas { code name }
  organizations(first: 100) { edges { node { slug name } } }
  projects(first: 100) { edges { node { slug name } } }
}`);
