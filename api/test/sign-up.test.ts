import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on SignUpPayload {
        status
        opportunity {
          id
        }
        shift {
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
    }
  }
`;

/** A published opportunity without shifts or required questions, open to adults and minors from 15. */
async function simpleOpportunity(extra: object = {}) {
  const org = await api.prisma.organization.findFirstOrThrow({ where: { opportunities: { some: {} } } });
  const row = await api.prisma.opportunity.create({
    data: {
      organizationId: org.id,
      slug: `test-${Math.random().toString(36).slice(2)}`,
      titleSl: 'Testna priložnost',
      descriptionSl: 'Opis',
      areaCode: 'SOCIAL',
      regionCode: org.regionCode,
      status: 'PUBLISHED',
      minAge: 15,
      ...extra,
    },
  });
  return row;
}

function input(opportunityId: string, overrides: Record<string, unknown> = {}) {
  return {
    opportunityId: toGlobal('Opportunity', opportunityId),
    name: 'Ana Novak',
    email: `ana.${Math.random().toString(36).slice(2)}@example.org`,
    birthDate: birthDateForAge(22),
    motivation: 'Rada pomagam.',
    consent: { dataProcessing: true, photos: false },
    ...overrides,
  };
}

describe('signUp', () => {
  it('signs an adult up, creating the account and recording consent and history', async () => {
    const opportunity = await simpleOpportunity();
    const data = input(opportunity.id);
    const { signUp } = await api.data(SIGN_UP, { input: data });
    expect(signUp).toMatchObject({ __typename: 'SignUpPayload', status: 'PENDING', shift: null });
    const user = await api.prisma.user.findUniqueOrThrow({
      where: { email: data.email },
      include: { applications: { include: { consents: true, history: true } } },
    });
    expect(user.name).toBe('Ana Novak');
    expect(user.applications).toHaveLength(1);
    const [application] = user.applications;
    expect(application!.organizationId).toBe(opportunity.organizationId);
    expect(application!.consents.map((c) => [c.kind, c.granted]).sort()).toEqual([
      ['DATA_PROCESSING', true],
      ['PHOTOS', false],
    ]);
    expect(application!.history).toMatchObject([{ from: null, to: 'PENDING', actorId: null }]);
  });

  it('is safe to retry: the same person and opportunity give one application', async () => {
    const opportunity = await simpleOpportunity();
    const data = input(opportunity.id, { email: 'Retry.Person@Example.org' });
    const first = await api.data(SIGN_UP, { input: data });
    const second = await api.data(SIGN_UP, { input: { ...data, email: 'retry.person@example.org' } });
    expect(second).toEqual(first);
    expect(await api.prisma.application.count({ where: { opportunityId: opportunity.id } })).toBe(1);
  });

  it('attaches to an existing account without changing it or revealing it', async () => {
    const opportunity = await simpleOpportunity();
    const existing = await api.prisma.user.findFirstOrThrow({
      where: { memberships: { some: { role: 'VOLUNTEER' } } },
    });
    const { signUp } = await api.data(SIGN_UP, {
      input: input(opportunity.id, { email: existing.email, name: 'Someone Else' }),
    });
    expect(signUp.__typename).toBe('SignUpPayload');
    const after = await api.prisma.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.name).toBe(existing.name);
    expect(
      await api.prisma.application.count({ where: { opportunityId: opportunity.id, volunteerId: existing.id } }),
    ).toBe(1);
  });

  it('needs guardian consent for minors, and records it', async () => {
    const opportunity = await simpleOpportunity();
    const minor = input(opportunity.id, { birthDate: birthDateForAge(16) });
    const refused = await api.data(SIGN_UP, { input: minor });
    expect(refused.signUp).toMatchObject({ __typename: 'RuleViolationError', code: 'GUARDIAN_CONSENT_REQUIRED' });
    expect(await api.prisma.user.count({ where: { email: minor.email } })).toBe(0);

    const withGuardian = { ...minor, guardian: { name: 'Mojca Novak', email: 'mojca@example.org', consent: true } };
    const { signUp } = await api.data(SIGN_UP, { input: withGuardian });
    expect(signUp.status).toBe('PENDING');
    const application = await api.prisma.application.findFirstOrThrow({
      where: { opportunityId: opportunity.id },
      include: { consents: true },
    });
    expect(application.guardianName).toBe('Mojca Novak');
    expect(application.consents.find((c) => c.kind === 'GUARDIAN')).toMatchObject({
      granted: true,
      givenBy: 'Mojca Novak',
    });
  });

  it('applies the minimum age and the under-15 rule', async () => {
    const adultsOnly = await simpleOpportunity({ minAge: 18 });
    const tooYoung = await api.data(
      SIGN_UP,
      {
        input: input(adultsOnly.id, {
          birthDate: birthDateForAge(17),
          guardian: { name: 'Gregor Novak', email: 'g@example.org', consent: true },
        }),
      },
      { locale: 'en' },
    );
    expect(tooYoung.signUp).toMatchObject({
      code: 'TOO_YOUNG',
      message: 'You must be at least 18 years old for this opportunity.',
    });

    const open = await simpleOpportunity({ minAge: null, suitableUnder15: false });
    const child = input(open.id, {
      birthDate: birthDateForAge(13),
      guardian: { name: 'Starš', email: 'stars@example.org', consent: true },
    });
    expect((await api.data(SIGN_UP, { input: child })).signUp.code).toBe('UNDER_15_NOT_SUITABLE');
    const suitable = await simpleOpportunity({ minAge: null, suitableUnder15: true });
    expect(
      (await api.data(SIGN_UP, { input: { ...child, opportunityId: toGlobal('Opportunity', suitable.id) } })).signUp
        .status,
    ).toBe('PENDING');
  });

  it('rejects bad input with typed field errors and changes nothing', async () => {
    const opportunity = await simpleOpportunity();
    const before = await api.prisma.application.count();
    const badEmail = await api.data(SIGN_UP, { input: input(opportunity.id, { email: 'not-an-email' }) });
    expect(badEmail.signUp.__typename).toBe('ValidationError');
    expect(badEmail.signUp.fieldErrors).toEqual([
      { path: ['input', 'email'], message: 'Vpišite veljaven e-poštni naslov.' },
    ]);
    // The validator's problems read in the page's language, never in the validator's English.
    const tooShort = await api.data(SIGN_UP, { input: input(opportunity.id, { name: 'A' }) }, { locale: 'en' });
    expect(tooShort.signUp.fieldErrors).toEqual([
      { path: ['input', 'name'], message: 'This is too short (at least 2 characters).' },
    ]);
    const tooLong = await api.data(SIGN_UP, { input: input(opportunity.id, { motivation: 'm'.repeat(5001) }) });
    expect(tooLong.signUp.fieldErrors).toEqual([
      { path: ['input', 'motivation'], message: 'Besedilo je predolgo (največ znakov: 5000).' },
    ]);

    const noConsent = await api.data(
      SIGN_UP,
      { input: input(opportunity.id, { consent: { dataProcessing: false } }) },
      { locale: 'en' },
    );
    expect(noConsent.signUp.fieldErrors).toEqual([
      {
        path: ['input', 'consent', 'dataProcessing'],
        message: 'You must agree to the processing of your personal data to sign up.',
      },
    ]);

    const badDate = await api.gql(SIGN_UP, { input: input(opportunity.id, { birthDate: '2005-02-30' }) });
    expect(badDate.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);

    const unknown = await api.data(SIGN_UP, { input: input(opportunity.id, { opportunityId: 'bm9wZQ==' }) });
    expect(unknown.signUp).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await api.prisma.application.count()).toBe(before);
  });

  it("checks answers against the opportunity's own questions", async () => {
    const opportunity = await simpleOpportunity({
      questions: {
        create: [
          {
            position: 0,
            type: 'SINGLE_CHOICE',
            labelSl: 'Majica',
            required: true,
            options: [
              { value: 'S', labelSl: 'S' },
              { value: 'M', labelSl: 'M' },
            ],
          },
          { position: 1, type: 'YES_NO', labelSl: 'Vozniško?', required: false },
        ],
      },
    });
    const questions = await api.prisma.signupQuestion.findMany({
      where: { opportunityId: opportunity.id },
      orderBy: { position: 'asc' },
    });
    const missing = await api.data(SIGN_UP, { input: input(opportunity.id) });
    expect(missing.signUp.fieldErrors.map((e: any) => e.path)).toEqual([['input', 'answers', questions[0]!.id]]);
    const wrong = await api.data(SIGN_UP, {
      input: input(opportunity.id, {
        answers: [
          { questionId: questions[0]!.id, value: 'XXL' },
          { questionId: questions[1]!.id, value: 'yes' },
        ],
      }),
    });
    expect(wrong.signUp.fieldErrors.map((e: any) => e.path)).toEqual([
      ['input', 'answers', '0', 'value'],
      ['input', 'answers', '1', 'value'],
    ]);
    const right = await api.data(SIGN_UP, {
      input: input(opportunity.id, {
        answers: [
          { questionId: questions[0]!.id, value: 'M' },
          { questionId: questions[1]!.id, value: true },
        ],
      }),
    });
    expect(right.signUp.status).toBe('PENDING');
  });

  it('needs a shift when the opportunity has shifts, and waitlists when the shift is full', async () => {
    const opportunity = await simpleOpportunity({
      shifts: {
        create: [
          {
            startsAt: new Date(Date.now() + 7 * 86_400_000),
            endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
            capacity: 1,
          },
        ],
      },
    });
    const shift = await api.prisma.shift.findFirstOrThrow({ where: { opportunityId: opportunity.id } });
    const noShift = await api.data(SIGN_UP, { input: input(opportunity.id) });
    expect(noShift.signUp.fieldErrors[0].path).toEqual(['input', 'shiftId']);

    const first = await api.data(SIGN_UP, { input: input(opportunity.id, { shiftId: toGlobal('Shift', shift.id) }) });
    expect(first.signUp.status).toBe('PENDING');
    // The coordinator accepts the first volunteer: the only place is taken.
    const application = await api.prisma.application.findFirstOrThrow({ where: { shiftId: shift.id } });
    await api.prisma.application.update({ where: { id: application.id }, data: { status: 'ACCEPTED' } });
    const second = await api.data(SIGN_UP, { input: input(opportunity.id, { shiftId: toGlobal('Shift', shift.id) }) });
    expect(second.signUp.status).toBe('WAITLISTED');
  });

  it('refuses closed and draft opportunities', async () => {
    const closed = await simpleOpportunity({ status: 'CLOSED' });
    expect((await api.data(SIGN_UP, { input: input(closed.id) })).signUp.code).toBe('OPPORTUNITY_NOT_OPEN');
    const draft = await simpleOpportunity({ status: 'DRAFT' });
    expect((await api.data(SIGN_UP, { input: input(draft.id) })).signUp.__typename).toBe('NotFoundError');
  });

  it('answers in Slovenian by default', async () => {
    const closed = await simpleOpportunity({ status: 'CLOSED' });
    const result = await api.data(SIGN_UP, { input: input(closed.id) });
    expect(result.signUp.message).toBe('Prijave na to priložnost niso več odprte.');
  });
});
