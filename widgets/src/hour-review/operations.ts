import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.

/** The reviewer's queue: hours waiting for their decision, oldest first. */
export const HourReviewQueue = graphql(`
  query HourReviewQueue($organization: String, $after: String) {
    me {
      id
      name
    }
    hourLogsToReview(first: 20, after: $after, organization: $organization) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          date
          minutes
          activity
          workType
          place
          volunteer {
            name
          }
          opportunity {
            title
          }
          organization {
            name
          }
        }
      }
    }
  }
`);

export const ReviewHourLog = graphql(`
  mutation ReviewHourLog($input: ReviewHourLogInput!) {
    reviewHourLog(input: $input) {
      __typename
      ... on HourLogPayload {
        hourLog {
          id
          status
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on NotFoundError {
        path
      }
    }
  }
`);
