import { graphql } from '../core/graphql.ts';

// The exact text of each query is its persisted-operation id (sha256); the API's
// manifest (api/src/persisted-operations.json) is generated from these files.

/** The questionnaire, and the organisation named by the widget's `organization` ("" for none). */
export const EvaluationForm = graphql(`
  query EvaluationForm($template: ID!, $slug: String!) {
    evaluationTemplate(id: $template) {
      id
      title
      intro
      retired
      organization {
        id
      }
      questions {
        id
        type
        prompt
        required
        scaleMin
        scaleMax
        scaleMinLabel
        scaleMaxLabel
        choices {
          value
          label
        }
        competence {
          name
          description
        }
      }
    }
    organization(slug: $slug) {
      id
    }
  }
`);

export const SubmitEvaluation = graphql(`
  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      __typename
      ... on EvaluationPayload {
        response {
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

/** The signed-in person's own unfinished answers to this template, organisation and subject, if any. */
export const EvaluationDraftAnswers = graphql(`
  query EvaluationDraftAnswers($template: ID!, $organization: ID!, $subject: ID) {
    me {
      id
      name
    }
    evaluationDraft(templateId: $template, organizationId: $organization, subjectId: $subject) {
      id
      answers
      updatedAt
      round {
        id
      }
    }
  }
`);

export const SaveEvaluationDraft = graphql(`
  mutation SaveEvaluationDraft($input: SaveEvaluationDraftInput!) {
    saveEvaluationDraft(input: $input) {
      __typename
      ... on SaveEvaluationDraftPayload {
        draft {
          id
          updatedAt
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
