import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.
// Mutations go as POST with their text. (No string interpolation: gql.tada types
// each document from its literal text.)

/** Who is signed in (null when the session has ended or expired). */
export const SignInMe = graphql(`
  query SignInMe {
    me {
      id
      name
    }
  }
`);

export const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInPayload {
        token
        me {
          id
          name
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
    }
  }
`);

export const RequestSignInCode = graphql(`
  mutation RequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      __typename
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
    }
  }
`);

export const SignInWithCode = graphql(`
  mutation SignInWithCode($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
      __typename
      ... on SignInPayload {
        token
        me {
          id
          name
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
    }
  }
`);

export const SignInWithLink = graphql(`
  mutation SignInWithLink($input: SignInWithLinkInput!) {
    signInWithLink(input: $input) {
      __typename
      ... on SignInPayload {
        token
        me {
          id
          name
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
    }
  }
`);
