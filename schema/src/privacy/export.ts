import type { Prisma } from '@tandem/db';

/** Bumped whenever the shape of the export changes, so programs reading old exports can tell. */
export const EXPORT_VERSION = 1;

type Db = Prisma.TransactionClient;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const instant = (d: Date | null) => (d ? d.toISOString() : null);

interface StoredAnswer {
  questionId: string;
  value: unknown;
}

function storedAnswers(json: Prisma.JsonValue): StoredAnswer[] {
  return Array.isArray(json)
    ? json
        .filter(
          (a): a is Prisma.JsonObject & { questionId: string } =>
            !!a && typeof a === 'object' && !Array.isArray(a) && typeof a.questionId === 'string',
        )
        .map((a) => ({ questionId: a.questionId, value: a.value ?? null }))
    : [];
}

/** Answers with the question's wording beside them, so the export reads without the database. */
function withQuestions(
  json: Prisma.JsonValue,
  questions: Map<string, { type: string; textSl: string; textEn: string | null }>,
) {
  return storedAnswers(json).map((a) => {
    const q = questions.get(a.questionId);
    return {
      questionId: a.questionId,
      question: q?.textSl ?? null,
      questionEn: q?.textEn ?? null,
      type: q?.type ?? null,
      value: a.value,
    };
  });
}

/**
 * Everything Tandem holds about one person, for their right of access and
 * portability (GDPR Art. 15 and 20), as plain JSON.
 *
 * Left out on purpose: password and token hashes and sign-in codes (secrets,
 * not information about the person), other people's contact details (people
 * appear by name only), and who read or changed the person's records (audit
 * actors and IP addresses are the staff's personal data; the export says what
 * was done, when and in which organisation).
 */
export async function gatherPersonalData(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const organization = { select: { id: true, slug: true, name: true } } as const;
  const byName = { select: { name: true } } as const;

  const [
    memberships,
    agreements,
    applications,
    hourLogs,
    given,
    about,
    asVolunteer,
    asMentor,
    learningGoals,
    sessions,
    apiKeys,
    mentoredOpportunities,
    intervisions,
  ] = await Promise.all([
    db.membership.findMany({ where: { userId }, include: { organization }, orderBy: { createdAt: 'asc' } }),
    db.volunteerAgreement.findMany({
      where: { volunteerId: userId },
      include: { organization },
      orderBy: [{ startsOn: 'asc' }, { version: 'asc' }],
    }),
    db.application.findMany({
      where: { volunteerId: userId },
      include: {
        organization,
        opportunity: {
          select: {
            id: true,
            titleSl: true,
            titleEn: true,
            questions: { select: { id: true, type: true, labelSl: true, labelEn: true } },
          },
        },
        shift: { select: { startsAt: true, endsAt: true, labelSl: true, labelEn: true } },
        consents: { orderBy: { createdAt: 'asc' } },
        history: { include: { actor: byName }, orderBy: { createdAt: 'asc' } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    db.hourLog.findMany({
      where: { volunteerId: userId },
      include: {
        organization,
        opportunity: { select: { id: true, titleSl: true, titleEn: true } },
        reviewer: byName,
      },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
    }),
    db.evaluationResponse.findMany({
      where: { respondentId: userId },
      include: {
        organization,
        template: { include: { questions: true } },
        subjectUser: byName,
        opportunity: { select: { id: true, titleSl: true, titleEn: true } },
      },
      orderBy: { submittedAt: 'asc' },
    }),
    db.evaluationResponse.findMany({
      where: { subjectUserId: userId, NOT: { respondentId: userId } },
      include: { organization, template: { include: { questions: true } }, respondent: byName },
      orderBy: { submittedAt: 'asc' },
    }),
    db.mentorAssignment.findMany({
      where: { volunteerId: userId },
      include: { organization, mentor: byName },
      orderBy: { startsOn: 'asc' },
    }),
    db.mentorAssignment.findMany({
      where: { mentorId: userId },
      include: { organization, volunteer: byName },
      orderBy: { startsOn: 'asc' },
    }),
    db.learningGoal.findMany({
      where: { volunteerId: userId },
      include: { organization },
      orderBy: { createdAt: 'asc' },
    }),
    db.session.findMany({
      where: { userId },
      select: { createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, method: true, userAgent: true },
      orderBy: { createdAt: 'asc' },
    }),
    db.apiKey.findMany({
      where: { createdById: userId },
      select: {
        organization,
        kind: true,
        label: true,
        prefix: true,
        allowedOrigins: true,
        scopes: true,
        createdAt: true,
        lastUsedAt: true,
        revokedAt: true,
      },
      orderBy: { createdAt: 'asc' },
    }),
    db.opportunity.findMany({
      where: { mentorId: userId },
      select: { id: true, titleSl: true, titleEn: true, status: true, organization },
      orderBy: { createdAt: 'asc' },
    }),
    db.intervisionSession.findMany({
      where: { OR: [{ facilitatorId: userId }, { participants: { some: { userId } } }] },
      include: { organization },
      orderBy: { heldOn: 'asc' },
    }),
  ]);

  // Certificates they asked for, with what was issued (the snapshot is what the certificate states).
  const certificates = await db.certificate.findMany({
    where: { volunteerId: userId },
    include: { organization, issuedBy: byName },
    orderBy: { requestedAt: 'asc' },
  });

  // Unfinished evaluations, and the rounds the person was asked to answer or was evaluated in.
  const [evaluationDrafts, evaluationRequests] = await Promise.all([
    db.evaluationDraft.findMany({
      where: { respondentId: userId },
      include: { organization, template: { include: { questions: true } }, subjectUser: byName },
      orderBy: { createdAt: 'asc' },
    }),
    db.evaluationRequest.findMany({
      where: { OR: [{ respondentId: userId }, { subjectUserId: userId }] },
      include: {
        respondent: byName,
        subjectUser: byName,
        round: { include: { organization, template: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
  ]);

  // Audit entries about the person, or about a record that is theirs.
  const ownSubjects = [
    ...certificates.map((c) => ({ subjectType: 'Certificate', subjectId: c.id })),
    { subjectType: 'Person', subjectId: userId },
    ...applications.map((a) => ({ subjectType: 'Application', subjectId: a.id })),
    ...hourLogs.map((h) => ({ subjectType: 'HourLog', subjectId: h.id })),
    ...agreements.map((a) => ({ subjectType: 'VolunteerAgreement', subjectId: a.id })),
    ...given
      .filter((r) => r.subjectUserId === userId)
      .map((r) => ({ subjectType: 'EvaluationResponse', subjectId: r.id })),
    ...about.map((r) => ({ subjectType: 'EvaluationResponse', subjectId: r.id })),
    ...learningGoals.map((g) => ({ subjectType: 'LearningGoal', subjectId: g.id })),
    ...asVolunteer.map((m) => ({ subjectType: 'MentorAssignment', subjectId: m.id })),
  ];
  const auditEntries = await db.auditLog.findMany({
    where: { OR: ownSubjects },
    select: { action: true, subjectType: true, subjectId: true, createdAt: true, organization },
    orderBy: { createdAt: 'asc' },
  });

  const evaluationQuestions = (questions: { id: string; type: string; promptSl: string; promptEn: string }[]) =>
    new Map(questions.map((q) => [q.id, { type: q.type, textSl: q.promptSl, textEn: q.promptEn }]));
  const template = (t: {
    id: string;
    key: string;
    version: number;
    kind: string;
    titleSl: string;
    titleEn: string;
  }) => ({
    id: t.id,
    key: t.key,
    version: t.version,
    kind: t.kind,
    title: t.titleSl,
    titleEn: t.titleEn,
  });

  return {
    version: EXPORT_VERSION,
    generatedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      birthDate: day(user.birthDate),
      gender: user.gender,
      phone: user.phone,
      locale: user.locale,
      hasPassword: user.passwordHash !== null,
      createdAt: instant(user.createdAt),
      updatedAt: instant(user.updatedAt),
      erasedAt: instant(user.erasedAt),
    },
    memberships: memberships.map((m) => ({
      organization: m.organization,
      role: m.role,
      title: m.title,
      createdAt: instant(m.createdAt),
    })),
    agreements: agreements.map((a) => ({
      id: a.id,
      organization: a.organization,
      version: a.version,
      status: a.status,
      startsOn: day(a.startsOn),
      endsOn: day(a.endsOn),
      tasks: a.tasks,
      guardianName: a.guardianName,
      guardianEmail: a.guardianEmail,
      guardianConsentAt: instant(a.guardianConsentAt),
      signedAt: instant(a.signedAt),
      retainUntil: day(a.retainUntil),
      createdAt: instant(a.createdAt),
    })),
    certificates: certificates.map((c) => ({
      id: c.id,
      organization: c.organization,
      status: c.status,
      periodFrom: day(c.periodFrom),
      periodTo: day(c.periodTo),
      includeCompetences: c.includeCompetences,
      locale: c.locale,
      requestNote: c.requestNote,
      requestedAt: instant(c.requestedAt),
      registerNumber: c.registerNumber,
      verificationCode: c.verificationCode,
      issuedAt: instant(c.issuedAt),
      issuedBy: c.issuedBy,
      description: c.description,
      minutes: c.minutes,
      contents: c.snapshot,
      decidedNote: c.decidedNote,
      revokedAt: instant(c.revokedAt),
    })),
    applications: applications.map((a) => ({
      id: a.id,
      organization: a.organization,
      opportunity: { id: a.opportunity.id, title: a.opportunity.titleSl, titleEn: a.opportunity.titleEn },
      shift: a.shift
        ? {
            startsAt: instant(a.shift.startsAt),
            endsAt: instant(a.shift.endsAt),
            label: a.shift.labelSl,
            labelEn: a.shift.labelEn,
          }
        : null,
      status: a.status,
      motivation: a.motivation,
      answers: withQuestions(
        a.answers,
        new Map(a.opportunity.questions.map((q) => [q.id, { type: q.type, textSl: q.labelSl, textEn: q.labelEn }])),
      ),
      guardianName: a.guardianName,
      guardianEmail: a.guardianEmail,
      origin: a.origin,
      createdAt: instant(a.createdAt),
      updatedAt: instant(a.updatedAt),
      consents: a.consents.map((c) => ({
        kind: c.kind,
        granted: c.granted,
        textVersion: c.textVersion,
        givenBy: c.givenBy,
        at: instant(c.createdAt),
      })),
      statusHistory: a.history.map((h) => ({
        from: h.from,
        to: h.to,
        by: h.actor?.name ?? null,
        note: h.note,
        at: instant(h.createdAt),
      })),
    })),
    hourLogs: hourLogs.map((h) => ({
      id: h.id,
      organization: h.organization,
      opportunity: h.opportunity
        ? { id: h.opportunity.id, title: h.opportunity.titleSl, titleEn: h.opportunity.titleEn }
        : null,
      date: day(h.date),
      minutes: h.minutes,
      activity: h.activity,
      workType: h.workType,
      areaCode: h.areaCode,
      place: h.place,
      status: h.status,
      reviewedBy: h.reviewer?.name ?? null,
      reviewedAt: instant(h.reviewedAt),
      reviewNote: h.reviewNote,
      createdAt: instant(h.createdAt),
    })),
    evaluations: {
      given: given.map((r) => ({
        id: r.id,
        template: template(r.template),
        organization: r.organization,
        // Whom or what the person evaluated; another person appears by name only.
        subject: r.subjectUser
          ? r.subjectUserId === userId
            ? { kind: 'SELF' }
            : { kind: 'PERSON', name: r.subjectUser.name }
          : r.opportunity
            ? {
                kind: 'OPPORTUNITY',
                id: r.opportunity.id,
                title: r.opportunity.titleSl,
                titleEn: r.opportunity.titleEn,
              }
            : { kind: 'ORGANIZATION' },
        answers: withQuestions(r.answers, evaluationQuestions(r.template.questions)),
        submittedAt: instant(r.submittedAt),
      })),
      about: about.map((r) => ({
        id: r.id,
        template: template(r.template),
        organization: r.organization,
        respondent: r.respondent?.name ?? null,
        answers: withQuestions(r.answers, evaluationQuestions(r.template.questions)),
        submittedAt: instant(r.submittedAt),
      })),
      drafts: evaluationDrafts.map((d) => ({
        id: d.id,
        template: template(d.template),
        organization: d.organization,
        subject:
          d.subjectUserId === userId
            ? { kind: 'SELF' }
            : d.subjectUser
              ? { kind: 'PERSON', name: d.subjectUser.name }
              : null,
        answers: withQuestions(d.answers, evaluationQuestions(d.template.questions)),
        updatedAt: instant(d.updatedAt),
      })),
      requests: evaluationRequests.map((r) => ({
        id: r.id,
        round: r.round.titleSl,
        roundEn: r.round.titleEn,
        phase: r.round.phase,
        template: template(r.round.template),
        organization: r.round.organization,
        // Who was asked, and about whom; other people by name only.
        respondent: r.respondentId === userId ? 'SELF' : r.respondent.name,
        subject: r.subjectUserId === userId ? 'SELF' : (r.subjectUser?.name ?? null),
        dueOn: day(r.round.dueOn),
        answered: r.responseId !== null,
        remindersSent: r.remindersSent,
        lastRemindedAt: instant(r.lastRemindedAt),
      })),
    },
    mentoring: {
      mentors: asVolunteer.map((m) => ({
        organization: m.organization,
        mentor: m.mentor.name,
        startsOn: day(m.startsOn),
        endsOn: day(m.endsOn),
      })),
      mentees: asMentor.map((m) => ({
        organization: m.organization,
        volunteer: m.volunteer.name,
        startsOn: day(m.startsOn),
        endsOn: day(m.endsOn),
      })),
      opportunities: mentoredOpportunities.map((o) => ({
        id: o.id,
        title: o.titleSl,
        titleEn: o.titleEn,
        status: o.status,
        organization: o.organization,
      })),
      intervisions: intervisions.map((s) => ({
        organization: s.organization,
        heldOn: day(s.heldOn),
        role: s.facilitatorId === userId ? 'FACILITATOR' : 'PARTICIPANT',
        topics: s.topics,
      })),
    },
    learningGoals: learningGoals.map((g) => ({
      id: g.id,
      organization: g.organization,
      title: g.title,
      description: g.description,
      competenceCode: g.competenceCode,
      status: g.status,
      targetDate: day(g.targetDate),
      mentorNotes: g.mentorNotes,
      createdAt: instant(g.createdAt),
      updatedAt: instant(g.updatedAt),
    })),
    sessions: sessions.map((s) => ({
      createdAt: instant(s.createdAt),
      lastUsedAt: instant(s.lastUsedAt),
      expiresAt: instant(s.expiresAt),
      revokedAt: instant(s.revokedAt),
      method: s.method,
      userAgent: s.userAgent,
    })),
    apiKeysCreated: apiKeys.map((k) => ({
      ...k,
      createdAt: instant(k.createdAt),
      lastUsedAt: instant(k.lastUsedAt),
      revokedAt: instant(k.revokedAt),
    })),
    auditEntries: auditEntries.map((e) => ({
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      at: instant(e.createdAt),
      organization: e.organization,
    })),
  };
}

export type PersonalDataExport = Awaited<ReturnType<typeof gatherPersonalData>>;
