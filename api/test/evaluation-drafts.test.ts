import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const SAVE = /* GraphQL */ `
  mutation Save($input: SaveEvaluationDraftInput!) {
    saveEvaluationDraft(input: $input) {
      __typename
      ... on SaveEvaluationDraftPayload {
        draft {
          id
          answers
          updatedAt
          template {
            id
          }
          organization {
            slug
          }
        }
      }
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
        }
      }
    }
  }
`;

const DRAFT = /* GraphQL */ `
  query Draft($templateId: ID!, $organizationId: ID!, $subjectId: ID) {
    evaluationDraft(templateId: $templateId, organizationId: $organizationId, subjectId: $subjectId) {
      id
      answers
    }
  }
`;

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      __typename
      ... on EvaluationPayload {
        response {
          id
        }
      }
      ... on Error {
        code
      }
    }
  }
`;

/** Nina volunteers with Pekarna (agreement 2025–), a partner of the Maribor project that shares the self-evaluation. */
async function setting() {
  const template = await api.prisma.evaluationTemplate.findFirstOrThrow({
    where: { key: 'maribor-volunteer-self', publishedAt: { not: null }, retiredAt: null },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const organization = await api.prisma.organization.findUniqueOrThrow({
    where: { slug: 'pekarna-magdalenske-mreze' },
  });
  const scale = template.questions.find((q) => q.type === 'SCALE')!;
  const text = template.questions.find((q) => q.type === 'TEXT')!;
  return {
    template,
    scale,
    text,
    ids: {
      templateId: toGlobal('EvaluationTemplate', template.id),
      organizationId: toGlobal('Organization', organization.id),
    },
    nina: await api.tokenFor('nina.pavlic@example.org'),
  };
}

describe('evaluation drafts', () => {
  it('saves partial answers, replaces them on a second save, and resumes them', async () => {
    const { ids, scale, text, nina } = await setting();
    const first = await api.data(
      SAVE,
      { input: { ...ids, answers: [{ questionId: scale.id, value: 4 }] } },
      { token: nina },
    );
    expect(first.saveEvaluationDraft.__typename).toBe('SaveEvaluationDraftPayload');
    expect(first.saveEvaluationDraft.draft.answers).toEqual([{ questionId: scale.id, value: 4 }]);
    expect(first.saveEvaluationDraft.draft.organization.slug).toBe('pekarna-magdalenske-mreze');

    const second = await api.data(
      SAVE,
      {
        input: {
          ...ids,
          answers: [
            { questionId: scale.id, value: 5 },
            { questionId: text.id, value: 'Več dela z otroki.' },
          ],
        },
      },
      { token: nina },
    );
    // One draft per person, template, organisation and subject: the same row, new answers.
    expect(second.saveEvaluationDraft.draft.id).toBe(first.saveEvaluationDraft.draft.id);

    const resumed = await api.data(DRAFT, ids, { token: nina });
    expect(resumed.evaluationDraft).toEqual({
      id: first.saveEvaluationDraft.draft.id,
      answers: [
        { questionId: scale.id, value: 5 },
        { questionId: text.id, value: 'Več dela z otroki.' },
      ],
    });
  });

  it('still rejects invalid answers in a draft', async () => {
    const { ids, scale, nina } = await setting();
    const result = await api.data(
      SAVE,
      { input: { ...ids, answers: [{ questionId: scale.id, value: 42 }] } },
      { token: nina },
    );
    expect(result.saveEvaluationDraft.__typename).toBe('ValidationError');
    expect(result.saveEvaluationDraft.fieldErrors[0].path).toEqual(['input', 'answers', '0', 'value']);
  });

  it('is invisible to anyone else, staff included', async () => {
    const { ids, scale, nina } = await setting();
    const saved = await api.data(
      SAVE,
      { input: { ...ids, answers: [{ questionId: scale.id, value: 3 }] } },
      { token: nina },
    );
    const draftId = saved.saveEvaluationDraft.draft.id;
    // Her mentor, and another volunteer of the same organisation asking for "their" draft.
    const mentor = await api.tokenFor('maja.vidmar@example.org');
    const byNode = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: draftId }, { token: mentor });
    expect(byNode.data?.node ?? null).toBeNull();
    const other = await api.prisma.volunteerAgreement.findFirstOrThrow({
      where: {
        organization: { slug: 'pekarna-magdalenske-mreze' },
        status: 'ACTIVE',
        volunteer: { email: { not: 'nina.pavlic@example.org' } },
      },
      include: { volunteer: true },
    });
    const theirs = await api.data(DRAFT, ids, { token: await api.tokenFor(other.volunteer.email) });
    expect(theirs.evaluationDraft).toBeNull();
    const own = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: draftId }, { token: nina });
    expect(own.data?.node).toEqual({ id: draftId });
    const anonymous = await api.gql(SAVE, { input: { ...ids, answers: [] } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a draft about a volunteer the person does not mentor', async () => {
    const { nina } = await setting();
    const mentorTemplate = await api.prisma.evaluationTemplate.findFirstOrThrow({
      where: { key: 'maribor-mentor-of-volunteer', retiredAt: null },
    });
    const organization = await api.prisma.organization.findUniqueOrThrow({
      where: { slug: 'pekarna-magdalenske-mreze' },
    });
    const someone = await api.prisma.user.findUniqueOrThrow({ where: { email: 'nina.pavlic@example.org' } });
    // A volunteer evaluating a fellow volunteer as if they were the mentor.
    const other = await api.prisma.volunteerAgreement.findFirstOrThrow({
      where: { organizationId: organization.id, status: 'ACTIVE', volunteerId: { not: someone.id } },
    });
    const result = await api.data(
      SAVE,
      {
        input: {
          templateId: toGlobal('EvaluationTemplate', mentorTemplate.id),
          organizationId: toGlobal('Organization', organization.id),
          subjectId: toGlobal('Person', other.volunteerId),
          answers: [],
        },
      },
      { token: nina },
    );
    expect(result.saveEvaluationDraft).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('is deleted when the evaluation is submitted', async () => {
    const { template, ids, scale, nina } = await setting();
    await api.data(SAVE, { input: { ...ids, answers: [{ questionId: scale.id, value: 2 }] } }, { token: nina });
    expect((await api.data(DRAFT, ids, { token: nina })).evaluationDraft).not.toBeNull();
    const answers = template.questions.map((q) => {
      const options = (q.options as { value: string }[] | null) ?? [];
      if (q.type === 'SCALE' || q.type === 'COMPETENCE') return { questionId: q.id, value: 4 };
      if (q.type === 'SINGLE_CHOICE') return { questionId: q.id, value: options[0]!.value };
      if (q.type === 'MULTIPLE_CHOICE') return { questionId: q.id, value: [options[1]!.value] };
      return { questionId: q.id, value: 'Vse je bilo v redu.' };
    });
    const submitted = await api.data(
      SUBMIT,
      { input: { ...ids, answers, idempotencyKey: 'draft-submit-0001' } },
      { token: nina },
    );
    expect(submitted.submitEvaluation.__typename).toBe('EvaluationPayload');
    expect((await api.data(DRAFT, ids, { token: nina })).evaluationDraft).toBeNull();
    const user = await api.prisma.user.findUniqueOrThrow({ where: { email: 'nina.pavlic@example.org' } });
    expect(await api.prisma.evaluationDraft.count({ where: { respondentId: user.id, templateId: template.id } })).toBe(
      0,
    );
  });
});
