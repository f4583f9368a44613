import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      __typename
      ... on EvaluationPayload {
        response {
          id
          template {
            id
            version
          }
          answers
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

/** A volunteer with an agreement at an organisation that uses a current self-evaluation template. */
async function selfEvaluationSetting() {
  const template = await api.prisma.evaluationTemplate.findFirstOrThrow({
    where: { kind: 'VOLUNTEER_SELF', publishedAt: { not: null }, retiredAt: null, projectId: { not: null } },
    include: { questions: { orderBy: { position: 'asc' } }, project: { include: { partners: true } } },
  });
  const organizationIds = template.project!.partners.map((p) => p.organizationId);
  const agreement = await api.prisma.volunteerAgreement.findFirstOrThrow({
    where: { organizationId: { in: organizationIds } },
    include: { volunteer: true },
  });
  return { template, organizationId: agreement.organizationId, token: await api.tokenFor(agreement.volunteer.email) };
}

function validAnswers(questions: { id: string; type: string; scaleMax: number | null; options: unknown }[]) {
  return questions.map((q) => {
    const options = (q.options as { value: string }[] | null) ?? [];
    switch (q.type) {
      case 'SCALE':
      case 'COMPETENCE':
        return { questionId: q.id, value: q.scaleMax ?? 5 };
      case 'SINGLE_CHOICE':
        return { questionId: q.id, value: options[0]!.value };
      case 'MULTIPLE_CHOICE':
        return { questionId: q.id, value: [options[0]!.value] };
      default:
        return { questionId: q.id, value: 'Veliko sem se naučila.' };
    }
  });
}

describe('submitEvaluation', () => {
  it('stores a self-evaluation against the exact template version, once per idempotency key', async () => {
    const { template, organizationId, token } = await selfEvaluationSetting();
    const input = {
      templateId: toGlobal('EvaluationTemplate', template.id),
      organizationId: toGlobal('Organization', organizationId),
      answers: validAnswers(template.questions),
      idempotencyKey: 'self-eval-0001',
    };
    const first = await api.data(SUBMIT, { input }, { token });
    expect(first.submitEvaluation).toMatchObject({
      __typename: 'EvaluationPayload',
      response: { template: { version: template.version } },
    });
    const again = await api.data(SUBMIT, { input }, { token });
    expect(again.submitEvaluation.response.id).toBe(first.submitEvaluation.response.id);
  });

  it('rejects answers outside the scale, unknown choices and missing required answers', async () => {
    const { template, organizationId, token } = await selfEvaluationSetting();
    const scale = template.questions.find((q) => q.type === 'SCALE' || q.type === 'COMPETENCE')!;
    const answers = validAnswers(template.questions).map((a) => (a.questionId === scale.id ? { ...a, value: 99 } : a));
    const required = template.questions.find((q) => q.required && q.id !== scale.id)!;
    const result = await api.data(
      SUBMIT,
      {
        input: {
          templateId: toGlobal('EvaluationTemplate', template.id),
          organizationId: toGlobal('Organization', organizationId),
          answers: answers.filter((a) => a.questionId !== required.id),
          idempotencyKey: 'self-eval-bad-1',
        },
      },
      { token },
    );
    expect(result.submitEvaluation.__typename).toBe('ValidationError');
    const paths = result.submitEvaluation.fieldErrors.map((e: any) => e.path.join('.'));
    expect(paths).toContain(`input.answers.${required.id}`);
    expect(paths.some((p: string) => p.endsWith('.value'))).toBe(true);
  });

  it('refuses retired versions and people who do not volunteer with the organisation', async () => {
    const retired = await api.prisma.evaluationTemplate.findFirst({
      where: { retiredAt: { not: null } },
      include: { questions: true },
    });
    const { organizationId, token } = await selfEvaluationSetting();
    if (retired) {
      const result = await api.data(
        SUBMIT,
        {
          input: {
            templateId: toGlobal('EvaluationTemplate', retired.id),
            organizationId: toGlobal('Organization', organizationId),
            answers: [],
            idempotencyKey: 'retired-0001',
          },
        },
        { token },
      );
      expect(result.submitEvaluation.code).toBe('TEMPLATE_NOT_OPEN');
    }
    const { template } = await selfEvaluationSetting();
    const stranger = await api.prisma.user.create({ data: { email: 'eval-stranger@example.net', name: 'Tujec' } });
    const refused = await api.data(
      SUBMIT,
      {
        input: {
          templateId: toGlobal('EvaluationTemplate', template.id),
          organizationId: toGlobal('Organization', organizationId),
          answers: validAnswers(template.questions),
          idempotencyKey: 'stranger-0001',
        },
      },
      { token: await api.tokenFor(stranger.email) },
    );
    expect(refused.submitEvaluation.code).toBe('NOT_A_VOLUNTEER');
  });
});
