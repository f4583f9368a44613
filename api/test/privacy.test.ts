import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthDateForAge, TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const EXPORT = /* GraphQL */ `
  {
    exportMyData
  }
`;

const ERASE_ME = /* GraphQL */ `
  mutation EraseMe($input: EraseMeInput!) {
    eraseMe(input: $input) {
      __typename
      ... on PersonErasedPayload {
        personId
        erasedAt
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
        }
      }
    }
  }
`;

const ERASE_PERSON = /* GraphQL */ `
  mutation ErasePerson($input: ErasePersonInput!) {
    erasePerson(input: $input) {
      __typename
      ... on PersonErasedPayload {
        personId
        erasedAt
      }
      ... on NotFoundError {
        path
      }
      ... on Error {
        code
      }
    }
  }
`;

const REPORT = /* GraphQL */ `
  query Report($slug: String!, $year: Int!) {
    annualReport(organizationSlug: $slug, year: $year) {
      agreements
      volunteers
      totalMinutes
      inKindValueEur
      byWorkType {
        workType
        minutes
        volunteers
        valueEur
      }
      byArea {
        area {
          code
        }
        minutes
        volunteers
      }
      byAgeGroup {
        ageGroup
        minutes
        volunteers
      }
      byGender {
        gender
        minutes
        volunteers
      }
    }
  }
`;

/**
 * Volunteers (no staff role) with approved hours, an agreement, a learning goal
 * with mentor notes and a mentor, whose birthday is not
 * 1 January (so that erasure visibly changes the birth date).
 */
async function richVolunteers() {
  const candidates = await api.prisma.user.findMany({
    where: {
      erasedAt: null,
      memberships: { none: { role: { in: ['ADMIN', 'COORDINATOR', 'MENTOR'] } } },
      hourLogs: { some: { status: 'APPROVED' } },
      agreements: { some: {} },
      applications: { some: { motivation: { not: null } } },
      learningGoals: { some: { mentorNotes: { not: null } } },
    },
    orderBy: { id: 'asc' },
  });
  return candidates.filter((u) => u.birthDate && !(u.birthDate.getUTCMonth() === 0 && u.birthDate.getUTCDate() === 1));
}

/** A user with the role in the organisation, made for the test. */
async function staffMember(organizationId: string, role: 'ADMIN' | 'COORDINATOR' | 'MENTOR', handle: string) {
  const user = await api.prisma.user.create({
    data: {
      email: `${handle}@privacy.test`,
      name: handle,
      memberships: { create: { organizationId, role } },
    },
  });
  return { user, token: await api.tokenFor(user.email) };
}

describe('exportMyData', () => {
  it('needs a session', async () => {
    const result = await api.gql(EXPORT);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("gives the person all of their own records and nothing of anyone else's, and audits the export", async () => {
    const [person] = await richVolunteers();
    expect(person).toBeDefined();
    const id = person!.id;
    const token = await api.tokenFor(person!.email);
    // Secrets that must never appear in an export.
    await api.prisma.user.update({ where: { id }, data: { passwordHash: 'scrypt$secret-password-hash' } });
    await api.prisma.signInCode.create({
      data: {
        userId: id,
        codeHash: 'code-hash-never-exported',
        linkTokenHash: `link-hash-never-exported-${id}`,
        expiresAt: new Date(Date.now() + 600_000),
      },
    });

    // A mentor's evaluation of the person, whose respondent the export may name but not otherwise identify.
    const mentorTemplate = await api.prisma.evaluationTemplate.findFirstOrThrow({
      where: { kind: 'MENTOR_OF_VOLUNTEER' },
      include: { questions: true },
    });
    const mentor = await api.prisma.user.findFirstOrThrow({
      where: { memberships: { some: { role: 'MENTOR' } } },
      orderBy: { id: 'asc' },
    });
    await api.prisma.evaluationResponse.create({
      data: {
        templateId: mentorTemplate.id,
        organizationId: (await api.prisma.volunteerAgreement.findFirstOrThrow({ where: { volunteerId: id } }))
          .organizationId,
        respondentId: mentor.id,
        subjectUserId: id,
        answers: mentorTemplate.questions.map((q) => ({
          questionId: q.id,
          value: q.type === 'TEXT' ? 'Zanesljiva prostovoljka.' : (q.scaleMax ?? 5),
        })),
      },
    });

    const exportsBefore = await api.prisma.auditLog.count({ where: { action: 'person.export', subjectId: id } });
    const { exportMyData: data } = await api.data(EXPORT, {}, { token, headers: { 'user-agent': 'privacy-test' } });
    expect(await api.prisma.auditLog.count({ where: { action: 'person.export', subjectId: id } })).toBe(
      exportsBefore + 1,
    );

    expect(data.version).toBe(1);
    expect(Date.parse(data.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.profile).toMatchObject({ id, email: person!.email, name: person!.name, hasPassword: true });
    expect(data.profile.birthDate).toBe(person!.birthDate!.toISOString().slice(0, 10));
    expect(data.profile).not.toHaveProperty('passwordHash');

    const [applications, hourLogs, agreements, goals, about, given, memberships] = await Promise.all([
      api.prisma.application.findMany({ where: { volunteerId: id }, include: { consents: true, history: true } }),
      api.prisma.hourLog.count({ where: { volunteerId: id } }),
      api.prisma.volunteerAgreement.count({ where: { volunteerId: id } }),
      api.prisma.learningGoal.findMany({ where: { volunteerId: id } }),
      api.prisma.evaluationResponse.findMany({
        where: { subjectUserId: id, NOT: { respondentId: id } },
        include: { respondent: true },
      }),
      api.prisma.evaluationResponse.count({ where: { respondentId: id } }),
      api.prisma.membership.count({ where: { userId: id } }),
    ]);
    expect(data.applications).toHaveLength(applications.length);
    expect(data.hourLogs).toHaveLength(hourLogs);
    expect(data.agreements).toHaveLength(agreements);
    expect(data.memberships).toHaveLength(memberships);
    expect(data.evaluations.given).toHaveLength(given);
    expect(data.evaluations.about).toHaveLength(about.length);
    expect(about.length).toBeGreaterThan(0);
    expect(data.learningGoals).toHaveLength(goals.length);

    const application = applications.find((a) => a.motivation)!;
    const exported = data.applications.find((a: any) => a.id === application.id);
    expect(exported.motivation).toBe(application.motivation);
    expect(exported.opportunity.title).toEqual(expect.any(String));
    expect(exported.organization.name).toEqual(expect.any(String));
    expect(exported.consents).toHaveLength(application.consents.length);
    expect(exported.statusHistory).toHaveLength(application.history.length);

    // Mentor notes are private to the volunteer and their mentors: the volunteer gets them.
    const noted = goals.find((g) => g.mentorNotes)!;
    expect(data.learningGoals.find((g: any) => g.id === noted.id).mentorNotes).toBe(noted.mentorNotes);
    expect(data.mentoring.mentors.length).toBeGreaterThan(0);

    // Evaluations about the person name the respondent, and nothing else about them.
    const aboutEntry = data.evaluations.about.find((e: any) => e.id === about[0]!.id);
    expect(aboutEntry.respondent).toBe(about[0]!.respondent!.name);
    expect(aboutEntry.answers.length).toBeGreaterThan(0);
    expect(aboutEntry.answers[0]).toHaveProperty('question');

    // Sessions: metadata only.
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(
      ['createdAt', 'expiresAt', 'lastUsedAt', 'method', 'revokedAt', 'userAgent'].sort(),
    );
    // The export itself is audited, and the next export lists it among the entries about the person.
    const { exportMyData: again } = await api.data(EXPORT, {}, { token });
    expect(again.auditEntries.filter((e: any) => e.action === 'person.export')).toHaveLength(
      data.auditEntries.filter((e: any) => e.action === 'person.export').length + 1,
    );

    const text = JSON.stringify(data);
    for (const secret of ['passwordHash', 'scrypt$secret', 'tokenHash', 'codeHash', 'linkTokenHash', 'keyHash']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('never-exported');
    const tokenHashes = await api.prisma.session.findMany({ where: { userId: id }, select: { tokenHash: true } });
    for (const { tokenHash } of tokenHashes) expect(text).not.toContain(tokenHash);

    // No other account's e-mail address appears anywhere in the export.
    const others = await api.prisma.user.findMany({ where: { id: { not: id } }, select: { email: true } });
    expect(others.length).toBeGreaterThan(10);
    const leaked = others.filter((o) => text.toLowerCase().includes(o.email.toLowerCase()));
    expect(leaked).toEqual([]);
    expect(text).toContain(person!.email);
  });

  it('lists API keys the person created, without their hash', async () => {
    const organization = await api.prisma.organization.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const admin = await staffMember(organization.id, 'ADMIN', 'key-maker');
    await api.prisma.apiKey.create({
      data: {
        organizationId: organization.id,
        kind: 'SECRET',
        label: 'Poročila',
        prefix: 'sk_test_ab',
        keyHash: 'api-key-hash-never-exported',
        scopes: ['reports:read'],
        createdById: admin.user.id,
      },
    });
    const { exportMyData: data } = await api.data(EXPORT, {}, { token: admin.token });
    expect(data.apiKeysCreated).toEqual([
      expect.objectContaining({ label: 'Poročila', prefix: 'sk_test_ab', kind: 'SECRET', scopes: ['reports:read'] }),
    ]);
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'ADMIN' })]);
    expect(JSON.stringify(data)).not.toContain('api-key-hash-never-exported');
  });
});

describe('eraseMe', () => {
  it('erases personal data, keeps the statistics and the annual report, ends the session and frees the e-mail', async () => {
    const person = (await richVolunteers())[1];
    expect(person).toBeDefined();
    const id = person!.id;
    const email = person!.email;

    // Give every personal field something to erase.
    await api.prisma.user.update({ where: { id }, data: { phone: '+386 40 123 456', passwordHash: 'hash' } });
    const someApplication = await api.prisma.application.findFirstOrThrow({ where: { volunteerId: id } });
    await api.prisma.application.update({
      where: { id: someApplication.id },
      data: {
        guardianName: 'Skrbnica Testna',
        guardianEmail: 'skrbnica@privacy.test',
        origin: 'https://partner.example',
        answers: [{ questionId: 'q', value: 'moje besedilo' }],
        history: { create: { from: 'PENDING', to: 'PENDING', note: 'Opomba o prijavitelju' } },
        consents: { create: { kind: 'PHOTOS', granted: true, textVersion: 'privacy-2026-01', givenBy: person!.name } },
      },
    });
    await api.prisma.volunteerAgreement.updateMany({
      where: { volunteerId: id },
      data: { guardianName: 'Skrbnica Testna', guardianEmail: 'skrbnica@privacy.test' },
    });
    await api.prisma.hourLog.updateMany({ where: { volunteerId: id }, data: { reviewNote: 'Opomba pregledovalca' } });
    await api.prisma.signInCode.create({
      data: { userId: id, codeHash: 'c', linkTokenHash: `l-${id}`, expiresAt: new Date(Date.now() + 600_000) },
    });
    await api.prisma.outboxMessage.create({
      data: { to: email, subject: 'Koda', text: '123456', kind: 'sign-in-code' },
    });
    // A self-evaluation with a free-text and a numeric answer.
    const selfTemplate = await api.prisma.evaluationTemplate.findFirstOrThrow({
      where: { kind: 'VOLUNTEER_SELF', questions: { some: { type: 'TEXT' } } },
      include: { questions: true },
    });
    const textQuestion = selfTemplate.questions.find((q) => q.type === 'TEXT')!;
    const scaleQuestion = selfTemplate.questions.find((q) => q.type === 'SCALE' || q.type === 'COMPETENCE')!;
    const hourOrganization = (await api.prisma.hourLog.findFirstOrThrow({ where: { volunteerId: id } })).organizationId;
    const selfResponse = await api.prisma.evaluationResponse.create({
      data: {
        templateId: selfTemplate.id,
        organizationId: hourOrganization,
        respondentId: id,
        subjectUserId: id,
        answers: [
          { questionId: textQuestion.id, value: 'Naučila sem se veliko o sebi.' },
          { questionId: scaleQuestion.id, value: 4 },
        ],
      },
    });
    const actedFrom = await api.prisma.auditLog.create({
      data: {
        actorId: id,
        action: 'test.action',
        subjectType: 'Person',
        subjectId: id,
        details: { ip: '203.0.113.7', kept: true },
      },
    });
    const token = await api.tokenFor(email);
    const secondToken = await api.tokenFor(email);

    // The annual reports the person's hours count in, before.
    const approved = await api.prisma.hourLog.findMany({
      where: { volunteerId: id, status: 'APPROVED' },
      include: { organization: true },
    });
    const reports = [
      ...new Map(
        approved.map((h) => [
          `${h.organization.slug}/${h.date.getUTCFullYear()}`,
          { org: h.organization, year: h.date.getUTCFullYear() },
        ]),
      ).values(),
    ];
    const reporter = await api.prisma.user.create({
      data: {
        email: 'reporter@privacy.test',
        name: 'Poročevalka',
        memberships: {
          create: [...new Set(reports.map((r) => r.org.id))].map((organizationId) => ({
            organizationId,
            role: 'COORDINATOR' as const,
          })),
        },
      },
    });
    const reporterToken = await api.tokenFor(reporter.email);
    const readReports = () =>
      Promise.all(
        reports.map(
          async (r) =>
            (await api.data(REPORT, { slug: r.org.slug, year: r.year }, { token: reporterToken })).annualReport,
        ),
      );
    const reportsBefore = await readReports();
    expect(reportsBefore.every((r) => r && r.totalMinutes > 0)).toBe(true);

    const before = {
      applications: await api.prisma.application.findMany({ where: { volunteerId: id }, orderBy: { id: 'asc' } }),
      hourLogs: await api.prisma.hourLog.findMany({ where: { volunteerId: id }, orderBy: { id: 'asc' } }),
      agreements: await api.prisma.volunteerAgreement.findMany({ where: { volunteerId: id }, orderBy: { id: 'asc' } }),
      responses: await api.prisma.evaluationResponse.findMany({
        where: { OR: [{ respondentId: id }, { subjectUserId: id }] },
        orderBy: { id: 'asc' },
      }),
    };
    expect(before.applications.some((a) => a.motivation)).toBe(true);
    expect(await api.prisma.learningGoal.count({ where: { volunteerId: id } })).toBeGreaterThan(0);
    expect(await api.prisma.mentorAssignment.count({ where: { volunteerId: id } })).toBeGreaterThan(0);
    expect(await api.prisma.membership.count({ where: { userId: id } })).toBeGreaterThan(0);

    // The confirmation must match the account's e-mail.
    const mismatch = await api.data(ERASE_ME, { input: { confirmEmail: 'someone@else.test' } }, { token });
    expect(mismatch.eraseMe).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'confirmEmail'] }],
    });
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id } })).erasedAt).toBeNull();

    const { eraseMe } = await api.data(ERASE_ME, { input: { confirmEmail: ` ${email.toUpperCase()} ` } }, { token });
    expect(eraseMe).toMatchObject({ __typename: 'PersonErasedPayload', personId: toGlobal('Person', id) });
    expect(
      await api.prisma.auditLog.count({ where: { action: 'person.erase', subjectType: 'Person', subjectId: id } }),
    ).toBe(1);

    // The person row: anonymised, not deleted.
    const user = await api.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user.name).toBe('Izbrisana oseba');
    expect(user.email).toBe(`erased+${id}@tandem.invalid`);
    expect(user.phone).toBeNull();
    expect(user.passwordHash).toBeNull();
    expect(user.birthDate).toEqual(new Date(Date.UTC(person!.birthDate!.getUTCFullYear(), 0, 1)));
    expect(user.gender).toBe(person!.gender);
    expect(user.erasedAt).toEqual(new Date(eraseMe.erasedAt));

    expect(await api.prisma.session.count({ where: { userId: id } })).toBe(0);
    expect(await api.prisma.signInCode.count({ where: { userId: id } })).toBe(0);
    expect(await api.prisma.membership.count({ where: { userId: id } })).toBe(0);
    expect(await api.prisma.learningGoal.count({ where: { volunteerId: id } })).toBe(0);
    // Mentoring periods stay for the project figures (MENTORED_VOLUNTEERS), but none reaches today.
    const today = new Date(new Date().toISOString().slice(0, 10));
    expect(
      await api.prisma.mentorAssignment.count({
        where: { volunteerId: id, OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
      }),
    ).toBe(0);
    expect(await api.prisma.outboxMessage.count({ where: { to: email } })).toBe(0);
    // Audit entries stay, without the addresses the person acted from.
    expect((await api.prisma.auditLog.findUniqueOrThrow({ where: { id: actedFrom.id } })).details).toEqual({
      kept: true,
    });

    // Applications: statuses and dates stay, free text and guardians go.
    const applications = await api.prisma.application.findMany({
      where: { volunteerId: id },
      include: { consents: true, history: true },
      orderBy: { id: 'asc' },
    });
    expect(applications.map((a) => [a.id, a.status, a.createdAt, a.opportunityId])).toEqual(
      before.applications.map((a) => [a.id, a.status, a.createdAt, a.opportunityId]),
    );
    for (const a of applications) {
      expect(a).toMatchObject({ motivation: null, answers: [], guardianName: null, guardianEmail: null, origin: null });
      expect(a.consents.every((c) => c.givenBy === null)).toBe(true);
      expect(a.history.every((h) => h.note === null)).toBe(true);
    }
    expect(applications.flatMap((a) => a.consents).length).toBeGreaterThan(0);

    // The legal record of hours: every statistical field stays, the texts go.
    const hourLogs = await api.prisma.hourLog.findMany({ where: { volunteerId: id }, orderBy: { id: 'asc' } });
    const stats = (h: (typeof hourLogs)[number]) => [
      h.id,
      h.organizationId,
      h.date,
      h.minutes,
      h.workType,
      h.areaCode,
      h.place,
      h.status,
    ];
    expect(hourLogs.map(stats)).toEqual(before.hourLogs.map(stats));
    expect(hourLogs.every((h) => h.activity === '' && h.reviewNote === null)).toBe(true);

    // Agreements are kept (ZProst), without the guardian.
    const agreements = await api.prisma.volunteerAgreement.findMany({
      where: { volunteerId: id },
      orderBy: { id: 'asc' },
    });
    const agreementStats = (a: (typeof agreements)[number]) => [a.id, a.startsOn, a.endsOn, a.status, a.tasks];
    expect(agreements.map(agreementStats)).toEqual(before.agreements.map(agreementStats));
    expect(agreements.every((a) => a.guardianName === null && a.guardianEmail === null)).toBe(true);

    // Evaluations: numeric and choice answers stay, free text about the person goes.
    const responses = await api.prisma.evaluationResponse.findMany({
      where: { OR: [{ respondentId: id }, { subjectUserId: id }] },
      include: { template: { include: { questions: true } } },
      orderBy: { id: 'asc' },
    });
    expect(responses.map((r) => r.id)).toEqual(before.responses.map((r) => r.id));
    const textQuestions = new Set(
      responses.flatMap((r) => r.template.questions.filter((q) => q.type === 'TEXT').map((q) => q.id)),
    );
    for (const r of responses) {
      expect((r.answers as { questionId: string }[]).some((a) => textQuestions.has(a.questionId))).toBe(false);
    }
    expect(responses.find((r) => r.id === selfResponse.id)!.answers).toEqual([
      { questionId: scaleQuestion.id, value: 4 },
    ]);

    // The annual reports show the same figures.
    expect(await readReports()).toEqual(reportsBefore);

    // Every session of the person stopped working; a retry is UNAUTHENTICATED.
    for (const t of [token, secondToken]) {
      expect((await api.data('{ me { id } }', {}, { token: t })).me).toBeNull();
      expect((await api.gql(EXPORT, {}, { token: t })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const retry = await api.gql(ERASE_ME, { input: { confirmEmail: email } }, { token });
    expect(retry.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      await api.prisma.auditLog.count({ where: { action: 'person.erase', subjectType: 'Person', subjectId: id } }),
    ).toBe(1);

    // The e-mail address is free: signing up with it makes a new account.
    const organization = await api.prisma.organization.findFirstOrThrow({ where: { opportunities: { some: {} } } });
    const opportunity = await api.prisma.opportunity.create({
      data: {
        organizationId: organization.id,
        slug: 'po-izbrisu',
        titleSl: 'Po izbrisu',
        descriptionSl: 'Opis',
        areaCode: 'SOCIAL',
        regionCode: organization.regionCode,
        status: 'PUBLISHED',
      },
    });
    const signUp = await api.data(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on SignUpPayload { status } ... on Error { code } } }`,
      {
        input: {
          opportunityId: toGlobal('Opportunity', opportunity.id),
          name: 'Nova Oseba',
          email,
          birthDate: birthDateForAge(30),
          consent: { dataProcessing: true },
        },
      },
    );
    expect(signUp.signUp).toEqual({ __typename: 'SignUpPayload', status: 'PENDING' });
    const fresh = await api.prisma.user.findUniqueOrThrow({ where: { email }, include: { applications: true } });
    expect(fresh.id).not.toBe(id);
    expect(fresh).toMatchObject({ name: 'Nova Oseba', erasedAt: null });
    expect(fresh.applications.map((a) => a.opportunityId)).toEqual([opportunity.id]);
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id } })).email).toBe(`erased+${id}@tandem.invalid`);

    // The placeholder address cannot be used to attach new data to the erased row.
    const applicationsOfErased = await api.prisma.application.count({ where: { volunteerId: id } });
    const viaPlaceholder = await api.data(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      {
        input: {
          opportunityId: toGlobal('Opportunity', opportunity.id),
          name: 'Nekdo Drug',
          email: `erased+${id}@tandem.invalid`,
          birthDate: birthDateForAge(30),
          consent: { dataProcessing: true },
        },
      },
    );
    expect(viaPlaceholder.signUp).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'email'] }],
    });
    expect(await api.prisma.application.count({ where: { volunteerId: id } })).toBe(applicationsOfErased);
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id } })).name).toBe('Izbrisana oseba');
  });

  it("refuses the last admin of an organisation, and lets them go once there's another", async () => {
    const organization = await api.prisma.organization.create({
      data: {
        slug: 'zadnji-skrbnik',
        name: 'Društvo zadnji skrbnik',
        kind: 'NGO',
        regionCode: 'podravska',
        city: 'Ptuj',
      },
    });
    const admin = await staffMember(organization.id, 'ADMIN', 'last-admin');
    // An erased admin's memberships are gone, so a coordinator does not count as an admin.
    await staffMember(organization.id, 'COORDINATOR', 'not-an-admin');
    const refused = await api.data(
      ERASE_ME,
      { input: { confirmEmail: admin.user.email } },
      { token: admin.token, locale: 'en' },
    );
    expect(refused.eraseMe).toEqual({
      __typename: 'RuleViolationError',
      code: 'LAST_ADMIN',
      message: 'An organisation needs at least one admin: add another one first.',
    });
    const unchanged = await api.prisma.user.findUniqueOrThrow({ where: { id: admin.user.id } });
    expect(unchanged).toMatchObject({ erasedAt: null, email: admin.user.email });
    expect(await api.prisma.membership.count({ where: { userId: admin.user.id } })).toBe(1);

    await staffMember(organization.id, 'ADMIN', 'second-admin');
    const erased = await api.data(ERASE_ME, { input: { confirmEmail: admin.user.email } }, { token: admin.token });
    expect(erased.eraseMe.__typename).toBe('PersonErasedPayload');
    expect(await api.prisma.membership.count({ where: { organizationId: organization.id, role: 'ADMIN' } })).toBe(1);
  });
});

describe('erasePerson', () => {
  /** A volunteer linked to the first organisation and not at all to the second. */
  async function volunteerOf(organizationId: string, notOrganizationId: string, skip: string[] = []) {
    const link = (organizationId: string) => ({
      OR: [
        { applications: { some: { organizationId } } },
        { hourLogs: { some: { organizationId } } },
        { agreements: { some: { organizationId } } },
        { memberships: { some: { organizationId } } },
      ],
    });
    return api.prisma.user.findFirstOrThrow({
      where: {
        erasedAt: null,
        id: { notIn: skip },
        memberships: { none: { role: { not: 'VOLUNTEER' } } },
        AND: [link(organizationId), { NOT: link(notOrganizationId) }],
      },
      orderBy: { id: 'asc' },
    });
  }

  it('lets an admin of an organisation the person volunteers with erase them, once', async () => {
    const [home, other] = await api.prisma.organization.findMany({
      where: { slug: { in: ['pekarna-magdalenske-mreze', 'drustvo-legebitra'] } },
      orderBy: { slug: 'desc' },
    });
    expect(home!.slug).toBe('pekarna-magdalenske-mreze');
    const person = await volunteerOf(home!.id, other!.id);
    const input = { organizationId: toGlobal('Organization', home!.id), personId: toGlobal('Person', person.id) };
    const personToken = await api.tokenFor(person.email);

    // Anonymous: no session.
    expect((await api.gql(ERASE_PERSON, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A coordinator of the same organisation has no people:erase.
    const coordinator = await staffMember(home!.id, 'COORDINATOR', 'home-coordinator');
    expect((await api.data(ERASE_PERSON, { input }, { token: coordinator.token })).erasePerson).toEqual({
      __typename: 'NotFoundError',
      path: ['input', 'organizationId'],
      code: 'NOT_FOUND',
    });

    // The volunteer themselves cannot use it either.
    expect((await api.data(ERASE_PERSON, { input }, { token: personToken })).erasePerson.__typename).toBe(
      'NotFoundError',
    );

    // An admin of another organisation: with their own organisation the person is not found…
    const otherAdmin = await staffMember(other!.id, 'ADMIN', 'other-admin');
    const viaOwn = { ...input, organizationId: toGlobal('Organization', other!.id) };
    expect((await api.data(ERASE_PERSON, { input: viaOwn }, { token: otherAdmin.token })).erasePerson).toEqual({
      __typename: 'NotFoundError',
      path: ['input', 'personId'],
      code: 'NOT_FOUND',
    });
    // …and naming the person's organisation needs a role there.
    expect((await api.data(ERASE_PERSON, { input }, { token: otherAdmin.token })).erasePerson).toEqual({
      __typename: 'NotFoundError',
      path: ['input', 'organizationId'],
      code: 'NOT_FOUND',
    });
    const admin = await staffMember(home!.id, 'ADMIN', 'home-admin');
    // A malformed or wrongly typed person id is not found.
    const wrongType = { ...input, personId: toGlobal('Application', person.id) };
    expect((await api.data(ERASE_PERSON, { input: wrongType }, { token: admin.token })).erasePerson.path).toEqual([
      'input',
      'personId',
    ]);
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id: person.id } })).erasedAt).toBeNull();

    const first = (await api.data(ERASE_PERSON, { input }, { token: admin.token })).erasePerson;
    expect(first).toMatchObject({ __typename: 'PersonErasedPayload', personId: input.personId });
    const erased = await api.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(erased).toMatchObject({ name: 'Izbrisana oseba', email: `erased+${person.id}@tandem.invalid` });
    expect(erased.erasedAt).toEqual(new Date(first.erasedAt));
    expect(await api.prisma.membership.count({ where: { userId: person.id } })).toBe(0);
    expect((await api.gql(EXPORT, {}, { token: personToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const repeat = (await api.data(ERASE_PERSON, { input }, { token: admin.token })).erasePerson;
    expect(repeat).toEqual(first);
    const audits = await api.prisma.auditLog.findMany({
      where: { action: 'person.erase', subjectType: 'Person', subjectId: person.id },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.user.id, organizationId: home!.id });
  });

  it('finds a person again after erasing someone whose only link was a membership', async () => {
    const organization = await api.prisma.organization.create({
      data: {
        slug: 'samo-clanstvo',
        name: 'Društvo samo članstvo',
        kind: 'NGO',
        regionCode: 'podravska',
        city: 'Ptuj',
      },
    });
    const admin = await staffMember(organization.id, 'ADMIN', 'membership-admin');
    const member = await staffMember(organization.id, 'MENTOR', 'membership-mentor');
    const input = {
      organizationId: toGlobal('Organization', organization.id),
      personId: toGlobal('Person', member.user.id),
    };
    const first = (await api.data(ERASE_PERSON, { input }, { token: admin.token })).erasePerson;
    expect(first.__typename).toBe('PersonErasedPayload');
    expect(await api.prisma.membership.count({ where: { userId: member.user.id } })).toBe(0);
    expect((await api.data(ERASE_PERSON, { input }, { token: admin.token })).erasePerson).toEqual(first);
  });

  it('refuses to erase the last admin of an organisation', async () => {
    const organization = await api.prisma.organization.create({
      data: { slug: 'en-skrbnik', name: 'Društvo en skrbnik', kind: 'NGO', regionCode: 'podravska', city: 'Ptuj' },
    });
    const admin = await staffMember(organization.id, 'ADMIN', 'only-admin');
    const input = {
      organizationId: toGlobal('Organization', organization.id),
      personId: toGlobal('Person', admin.user.id),
    };
    expect((await api.data(ERASE_PERSON, { input }, { token: admin.token })).erasePerson).toEqual({
      __typename: 'RuleViolationError',
      code: 'LAST_ADMIN',
    });
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id: admin.user.id } })).erasedAt).toBeNull();
  });
});
