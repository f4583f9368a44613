import type { PrismaClient } from '@tandem/db';
import type { Locale } from '../context.ts';
import { localized, t } from '../i18n.ts';
import type { Mailer } from '../mail.ts';
import { addDays, isoDay, slovenianDay } from './dates.ts';

/** What a reminder run did: requests reminded and e-mails sent (one per person, listing all their requests). */
export interface ReminderResult {
  requests: number;
  messages: number;
}

/**
 * The reminder day a run on `today` catches up to: the latest of dueOn minus
 * each of reminderDaysBefore (and dueOn itself) that is not after today and
 * not before the round opens; null when none is. A request is reminded when
 * its last reminder was before that day, so a run that missed a day (the
 * server was down) still reminds once, and two runs on one day remind once.
 */
export function reminderDayOn(
  round: { opensOn: Date; dueOn: Date; reminderDaysBefore: readonly number[] },
  today: Date,
): Date | null {
  if (today > round.dueOn || today < round.opensOn) return null;
  const days = [...round.reminderDaysBefore, 0]
    .map((d) => addDays(round.dueOn, -d))
    .filter((day) => day <= today && day >= round.opensOn)
    .sort((a, b) => b.getTime() - a.getTime());
  return days[0] ?? null;
}

const remindedBefore = (lastRemindedAt: Date | null, day: Date) =>
  !lastRemindedAt || slovenianDay(lastRemindedAt) < day;

/**
 * Sends the reminders that are due at `now` to everyone who has not answered
 * their round yet (see reminderDayOn). Run it as often as you like (the API
 * runs it hourly, `npm run tandem -- send-reminders` once): nobody is reminded
 * twice on one day, even by runs in several processes at once.
 */
export async function sendDueEvaluationReminders(
  prisma: PrismaClient,
  mailer: Mailer,
  now: Date = new Date(),
): Promise<ReminderResult> {
  const today = slovenianDay(now);
  const rounds = await prisma.evaluationRound.findMany({
    where: {
      opensOn: { lte: today },
      dueOn: { gte: today },
      // Nobody is reminded of a version that can no longer be answered.
      template: { retiredAt: null },
      requests: { some: { responseId: null } },
    },
    select: { id: true, opensOn: true, dueOn: true, reminderDaysBefore: true },
  });
  const due = rounds.flatMap((round) => {
    const day = reminderDayOn(round, today);
    return day ? [{ roundId: round.id, day }] : [];
  });
  return remind(prisma, mailer, now, due);
}

/**
 * Reminds everyone who has not answered one round, now (a coordinator's
 * "send reminders"), except those already reminded today.
 */
export async function sendRoundReminders(
  prisma: PrismaClient,
  mailer: Mailer,
  roundId: string,
  now: Date = new Date(),
): Promise<ReminderResult> {
  return remind(prisma, mailer, now, [{ roundId, day: slovenianDay(now) }]);
}

async function remind(
  prisma: PrismaClient,
  mailer: Mailer,
  now: Date,
  due: readonly { roundId: string; day: Date }[],
): Promise<ReminderResult> {
  if (!due.length) return { requests: 0, messages: 0 };
  const dayOf = new Map(due.map((d) => [d.roundId, d.day]));
  const open = await prisma.evaluationRequest.findMany({
    where: { roundId: { in: [...dayOf.keys()] }, responseId: null, respondent: { erasedAt: null } },
    include: {
      respondent: { select: { id: true, name: true, email: true, locale: true } },
      subjectUser: { select: { name: true } },
      round: {
        select: {
          titleSl: true,
          titleEn: true,
          dueOn: true,
          organization: { select: { name: true } },
          template: { select: { kind: true } },
        },
      },
    },
    orderBy: [{ respondentId: 'asc' }, { round: { dueOn: 'asc' } }, { id: 'asc' }],
  });

  // Claim each request before mailing: a concurrent run that read the same
  // lastRemindedAt finds the row changed and leaves it alone.
  const claimed: typeof open = [];
  for (const request of open) {
    if (!remindedBefore(request.lastRemindedAt, dayOf.get(request.roundId)!)) continue;
    const { count } = await prisma.evaluationRequest.updateMany({
      where: { id: request.id, responseId: null, lastRemindedAt: request.lastRemindedAt },
      data: { lastRemindedAt: now, remindersSent: { increment: 1 } },
    });
    if (count) claimed.push(request);
  }

  const byPerson = new Map<string, typeof open>();
  for (const request of claimed) {
    byPerson.set(request.respondentId, [...(byPerson.get(request.respondentId) ?? []), request]);
  }
  for (const requests of byPerson.values()) {
    const person = requests[0]!.respondent;
    const locale: Locale = person.locale === 'en' ? 'en' : 'sl';
    const firstDue = isoDay(requests.map((r) => r.round.dueOn).sort((a, b) => a.getTime() - b.getTime())[0]!);
    const lines = requests.map((r) => {
      const about =
        r.round.template.kind === 'MENTOR_OF_VOLUNTEER' && r.subjectUser
          ? t(locale, 'EVALUATION_REMINDER_ABOUT', { subject: r.subjectUser.name })
          : '';
      return (
        t(locale, 'EVALUATION_REMINDER_LINE', {
          title: localized(locale, r.round.titleSl, r.round.titleEn),
          organization: r.round.organization.name,
          dueOn: isoDay(r.round.dueOn),
        }) + about
      );
    });
    const text = [
      t(locale, 'EVALUATION_REMINDER_INTRO', { name: person.name }),
      '',
      ...lines,
      '',
      t(locale, 'EVALUATION_REMINDER_OUTRO'),
    ].join('\n');
    await mailer.send({
      to: person.email,
      subject: t(locale, 'EVALUATION_REMINDER_SUBJECT', { dueOn: firstDue }),
      text,
      kind: 'evaluation-reminder',
    });
  }
  return { requests: claimed.length, messages: byPerson.size };
}
