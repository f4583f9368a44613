// Evaluation drafts and round requests in the personal-data export and the erasure.
import { sendDueEvaluationReminders } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../src/mail.ts';
import { TestApi } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const EXPORT = `{ exportMyData }`;
const ERASE_ME = `mutation($input: EraseMeInput!) { eraseMe(input: $input) { __typename } }`;

describe('evaluation drafts and requests of a person', () => {
  it('are exported, and erased except the answered requests', async () => {
    const prisma = api.prisma;
    const pekarna = await prisma.organization.findUniqueOrThrow({ where: { slug: 'pekarna-magdalenske-mreze' } });
    const maja = await prisma.user.findUniqueOrThrow({ where: { email: 'maja.vidmar@example.org' } });
    const person = await prisma.user.create({
      data: {
        email: 'zasebnost-krog@example.net',
        name: 'Zasebna Oseba',
        memberships: { create: { organizationId: pekarna.id, role: 'VOLUNTEER' } },
      },
    });
    const self = await prisma.evaluationTemplate.findFirstOrThrow({
      where: { key: 'maribor-volunteer-self', retiredAt: null },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    const mentorTemplate = await prisma.evaluationTemplate.findFirstOrThrow({
      where: { key: 'maribor-mentor-of-volunteer', retiredAt: null },
    });
    const scale = self.questions.find((q) => q.type === 'SCALE')!;
    const mkRound = (title: string, templateId: string) =>
      prisma.evaluationRound.create({
        data: {
          organizationId: pekarna.id,
          templateId,
          phase: 'START',
          titleSl: title,
          titleEn: title,
          opensOn: new Date('2026-01-01'),
          dueOn: new Date('2031-01-20'),
        },
      });
    const answeredRound = await mkRound('Odgovorjeni krog', self.id);
    const openRound = await mkRound('Odprti krog', self.id);
    const mentorRound = await mkRound('Mentorski krog', mentorTemplate.id);
    const response = await prisma.evaluationResponse.create({
      data: {
        templateId: self.id,
        organizationId: pekarna.id,
        respondentId: person.id,
        subjectUserId: person.id,
        roundId: answeredRound.id,
        answers: [{ questionId: scale.id, value: 4 }],
      },
    });
    const asked = { respondentId: person.id, subjectUserId: person.id, subjectKey: person.id };
    await prisma.evaluationRequest.create({ data: { roundId: answeredRound.id, ...asked, responseId: response.id } });
    await prisma.evaluationRequest.create({ data: { roundId: openRound.id, ...asked } });
    // Maja is asked about the person, and has a draft about them.
    await prisma.evaluationRequest.create({
      data: { roundId: mentorRound.id, respondentId: maja.id, subjectUserId: person.id, subjectKey: person.id },
    });
    await prisma.evaluationDraft.create({
      data: {
        templateId: mentorTemplate.id,
        organizationId: pekarna.id,
        respondentId: maja.id,
        subjectUserId: person.id,
        subjectKey: person.id,
        roundId: mentorRound.id,
        answers: [],
      },
    });
    await prisma.evaluationDraft.create({
      data: {
        templateId: self.id,
        organizationId: pekarna.id,
        respondentId: person.id,
        subjectUserId: person.id,
        subjectKey: person.id,
        roundId: openRound.id,
        answers: [{ questionId: scale.id, value: 2 }],
      },
    });

    const token = await api.tokenFor(person.email);
    const { exportMyData: data } = await api.data(EXPORT, {}, { token });
    expect(data.evaluations.drafts).toEqual([
      expect.objectContaining({
        template: expect.objectContaining({ key: 'maribor-volunteer-self' }),
        subject: { kind: 'SELF' },
        answers: [expect.objectContaining({ questionId: scale.id, value: 2, type: 'SCALE' })],
      }),
    ]);
    const requests = data.evaluations.requests.map((r: any) => [r.round, r.respondent, r.subject, r.answered]).sort();
    expect(requests).toEqual([
      // Who was asked about them: by name only.
      ['Mentorski krog', 'Maja Vidmar', 'SELF', false],
      ['Odgovorjeni krog', 'SELF', 'SELF', true],
      ['Odprti krog', 'SELF', 'SELF', false],
    ]);

    expect((await api.data(ERASE_ME, { input: { confirmEmail: person.email } }, { token })).eraseMe.__typename).toBe(
      'PersonErasedPayload',
    );
    // Drafts by and about the person are gone; so are the open requests (no reminders); the
    // answered one stays, linking its round to the (anonymised) response.
    expect(
      await prisma.evaluationDraft.count({
        where: { OR: [{ respondentId: person.id }, { subjectUserId: person.id }] },
      }),
    ).toBe(0);
    const left = await prisma.evaluationRequest.findMany({
      where: { OR: [{ respondentId: person.id }, { subjectUserId: person.id }] },
    });
    expect(left.map((r) => [r.roundId, r.responseId])).toEqual([[answeredRound.id, response.id]]);
    const result = await sendDueEvaluationReminders(prisma, new OutboxMailer(prisma), new Date('2031-01-19T09:00:00Z'));
    expect(result).toEqual({ requests: 0, messages: 0 });
  });
});
