import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.

/**
 * Everything the hour logger shows for a year: where the volunteer can log hours
 * (accepted sign-ups, agreements in force, memberships, the widget's organisation), the year's totals
 * and a page of entries. `$slug` is the widget's `organization` ("" for none),
 * `$organization` the same or null.
 */
export const HourLoggerData = graphql(`
  query HourLoggerData($year: Int!, $organization: String, $slug: String!, $after: String) {
    me {
      id
      name
      applications(first: 100, status: ACCEPTED, organization: $organization) {
        edges {
          node {
            id
            opportunity {
              id
              title
              organization {
                id
                name
                slug
              }
            }
          }
        }
      }
      memberships {
        organization {
          id
          name
          slug
        }
      }
      agreements(status: ACTIVE) {
        organization {
          id
          name
          slug
        }
      }
    }
    organization(slug: $slug) {
      id
      name
      slug
    }
    hourSummary(year: $year) {
      approvedMinutes
      submittedMinutes
      rejectedMinutes
    }
    myHourLogs(first: 20, after: $after, filter: { year: $year }) {
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
          status
          workType
          reviewNote
          reviewer {
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

export const LogHours = graphql(`
  mutation LogHours($input: LogHoursInput!) {
    logHours(input: $input) {
      __typename
      ... on HourLogPayload {
        hourLog {
          id
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
