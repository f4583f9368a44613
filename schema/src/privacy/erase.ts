import type { Prisma, PrismaClient } from '@tandem/db';
import type { Locale } from '../context.ts';
import { RuleError } from '../errors.ts';

/** What an erased person is called wherever their records are still shown (hour reviews, decisions, statistics). */
export const ERASED_NAME = 'Izbrisana oseba';

/** A unique address that can never receive mail (.invalid is reserved, RFC 2606), freeing the real one for a new account. */
export const erasedEmail = (userId: string) => `erased+${userId}@tandem.invalid`;

/** Evaluation answers of these question types are free text, the rest numbers or fixed choices. */
const FREE_TEXT_EVALUATION_TYPES: readonly string[] = ['TEXT'];

export interface Erasure {
  erasedAt: Date;
  /** The person had been erased before; nothing was changed. */
  alreadyErased: boolean;
}

export interface EraseOptions {
  locale: Locale;
  /** Runs inside the erasure's transaction (the audit entry), only when something was erased. */
  record?: (tx: Prisma.TransactionClient, erasedAt: Date) => Promise<void>;
}

/**
 * Erases a person's personal data in one transaction and keeps what the law
 * and the statistics need (GDPR Art. 17(3)(b) and (e)): the legal record of
 * hours, agreements (ZProst keeps them 10 years), application counts and
 * dates, numeric evaluation answers, and the audit log. What stays points to
 * the same user row, which no longer says who the person was.
 *
 * Refuses (LAST_ADMIN) while the person is the only admin of an organisation:
 * someone has to be able to manage it. Erasing an erased person changes nothing.
 */
export async function erasePersonalData(prisma: PrismaClient, userId: string, options: EraseOptions): Promise<Erasure> {
  return prisma.$transaction(async (tx) => {
    // One erasure at a time per person, and concurrent erasures of two admins
    // of one organisation cannot both see the other as the remaining admin.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, birthDate: true, erasedAt: true },
    });
    if (user.erasedAt) return { erasedAt: user.erasedAt, alreadyErased: true };

    const adminOf = await tx.membership.findMany({
      where: { userId, role: 'ADMIN' },
      select: { organizationId: true },
    });
    if (adminOf.length) {
      const organizationIds = adminOf.map((m) => m.organizationId);
      await tx.$queryRaw`SELECT id FROM "Membership" WHERE "organizationId" = ANY(${organizationIds}) AND role = 'ADMIN' FOR UPDATE`;
      for (const m of adminOf) {
        const others = await tx.membership.count({
          where: { organizationId: m.organizationId, role: 'ADMIN', userId: { not: userId } },
        });
        if (others === 0) throw new RuleError(options.locale, 'LAST_ADMIN');
      }
    }

    const erasedAt = new Date();
    const own = { application: { volunteerId: userId } };

    // Free text on applications is the person's own words; statuses and dates stay for the counts.
    await tx.application.updateMany({
      where: { volunteerId: userId },
      data: { motivation: null, answers: [], guardianName: null, guardianEmail: null, origin: null },
    });
    await tx.consentRecord.updateMany({ where: own, data: { givenBy: null } });
    // Decision notes are written about the applicant.
    await tx.applicationStatusChange.updateMany({ where: own, data: { note: null } });

    // The legal record of hours stays with its date, minutes, type, area and place;
    // what the person wrote and what the reviewer wrote about it go.
    await tx.hourLog.updateMany({ where: { volunteerId: userId }, data: { activity: '', reviewNote: null } });

    // Agreements must be kept (ZProst: 10 years after they end) and are counted in the
    // annual report, so they are not deleted. volunteerId is required by the schema and
    // stays pointing at the anonymised user row; the guardian's identity goes. The tasks
    // are the organisation's description of the work, not data about the person.
    await tx.volunteerAgreement.updateMany({
      where: { volunteerId: userId },
      data: { guardianName: null, guardianEmail: null },
    });

    // Certificates: requests never issued are only the person's own asking and go. Issued and
    // revoked ones stay (ZProst Art. 25: the register and the verification code must keep working),
    // naming the person as printed, but without the request note and the birth date.
    await tx.certificate.deleteMany({ where: { volunteerId: userId, status: { in: ['REQUESTED', 'DECLINED'] } } });
    await tx.certificate.updateMany({ where: { volunteerId: userId }, data: { requestNote: null } });
    await tx.$executeRaw`UPDATE "Certificate" SET snapshot = jsonb_set(snapshot, '{volunteer,birthDate}', 'null')
      WHERE "volunteerId" = ${userId} AND snapshot IS NOT NULL`;

    await stripFreeTextAnswers(tx, userId);

    // Evaluation drafts are unfinished words, by the person or about them: they go. Requests
    // still open (asked of the person, or about them) go too, so no reminder is sent; answered
    // ones stay, linking their round to its (anonymised) response for the round's figures.
    await tx.evaluationDraft.deleteMany({ where: { OR: [{ respondentId: userId }, { subjectUserId: userId }] } });
    await tx.evaluationRequest.deleteMany({
      where: { responseId: null, OR: [{ respondentId: userId }, { subjectUserId: userId }] },
    });

    // The learning path (goals and the mentors' notes on them) is the person's own.
    await tx.learningGoal.deleteMany({ where: { volunteerId: userId } });
    // Mentoring periods that have begun are kept, ended yesterday, pointing at the
    // anonymised row: they carry no text, and projects count mentored volunteers
    // (MENTORED_VOLUNTEERS) from them, so past indicator figures stay. Mentoring that
    // has not begun goes. Either way nobody keeps a mentor's rights over the person.
    const yesterday = new Date(Date.UTC(erasedAt.getUTCFullYear(), erasedAt.getUTCMonth(), erasedAt.getUTCDate() - 1));
    const involved = { OR: [{ mentorId: userId }, { volunteerId: userId }] };
    await tx.mentorAssignment.deleteMany({ where: { ...involved, startsOn: { gt: yesterday } } });
    await tx.mentorAssignment.updateMany({
      where: { AND: [involved, { OR: [{ endsOn: null }, { endsOn: { gt: yesterday } }] }] },
      data: { endsOn: yesterday },
    });
    await tx.opportunity.updateMany({ where: { mentorId: userId }, data: { mentorId: null } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.signInCode.deleteMany({ where: { userId } });
    await tx.outboxMessage.deleteMany({ where: { to: { equals: user.email, mode: 'insensitive' } } });

    await tx.user.update({
      where: { id: userId },
      data: {
        name: ERASED_NAME,
        email: erasedEmail(userId),
        phone: null,
        passwordHash: null,
        // The annual report counts volunteers by age group on 31 December of the
        // reported year; everyone born in a year has had their birthday by then, so
        // 1 January of the birth year puts the person in the same group every year
        // while the exact day, which helps identify someone, is gone. Null would move
        // their past hours to UNKNOWN and change reports already filed.
        birthDate: user.birthDate ? new Date(Date.UTC(user.birthDate.getUTCFullYear(), 0, 1)) : null,
        // Gender is kept: the annual report counts volunteers by gender. Alone it names
        // no one; with the birth year and the organisation it narrows a group, which is
        // the price of reports that stay the same after an erasure.
        erasedAt,
      },
    });

    await options.record?.(tx, erasedAt);
    // Audit entries stay (what was done, when, by which user row), but the IP
    // addresses the person acted from are their personal data.
    await tx.$executeRaw`UPDATE "AuditLog" SET details = details - 'ip' WHERE "actorId" = ${userId} AND details ? 'ip'`;
    return { erasedAt, alreadyErased: false };
  });
}

/**
 * Removes free-text answers from the person's self-evaluations, from evaluations of
 * the person by their mentors, and from the person's evaluations of placements.
 * Numeric, choice and competence answers stay for the aggregates. Evaluations the
 * person wrote as a mentor about another volunteer, or of their organisation, are
 * that volunteer's or the organisation's record and keep their text; with the user
 * row anonymised they no longer name their author.
 */
async function stripFreeTextAnswers(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const responses = await tx.evaluationResponse.findMany({
    where: {
      OR: [{ subjectUserId: userId }, { respondentId: userId, template: { kind: 'VOLUNTEER_OF_PLACEMENT' } }],
    },
    select: { id: true, answers: true, template: { select: { questions: { select: { id: true, type: true } } } } },
  });
  for (const response of responses) {
    const kept = new Set(
      response.template.questions.filter((q) => !FREE_TEXT_EVALUATION_TYPES.includes(q.type)).map((q) => q.id),
    );
    const answers = Array.isArray(response.answers) ? response.answers : [];
    const remaining = answers.filter(
      (a) =>
        !!a && typeof a === 'object' && !Array.isArray(a) && typeof a.questionId === 'string' && kept.has(a.questionId),
    );
    if (remaining.length !== answers.length) {
      await tx.evaluationResponse.update({ where: { id: response.id }, data: { answers: remaining } });
    }
  }
}
