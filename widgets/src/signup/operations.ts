import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.

/** The opportunity with its shifts, questions and age rules. */
// prettier-ignore
export const PublicOpportunity = graphql(`query PublicOpportunity($id: ID!) {
  opportunity(id: $id) {
    id
    slug
    status
    title
    description
    place
    remote
    minAge
    suitableUnder15
    capacity
    freePlaces
    startsAt
    endsAt
    applyBy
    skills
    organization { name slug website region { name } }
    region { code name }
    area { code name }
    project { name }
    mentor { name }
    shifts { id startsAt endsAt capacity freePlaces label }
    questions { id position label type required choices { value label } }
  }
}`);

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on SignUpPayload {
        applicationId
        status
        opportunity {
          id
        }
      }
      ... on ValidationError {
        code
        message
        fieldErrors {
          path
          message
        }
      }
      ... on RuleViolationError {
        code
        message
      }
      ... on NotFoundError {
        code
        message
        path
      }
    }
  }
`);
