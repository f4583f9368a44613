import type { Prisma } from '@tandem/db';
import { batched } from './batch.ts';
import { ageOn } from './calendar.ts';
import type { Context } from './context.ts';

export interface AuditEntry {
  /** e.g. "application.decide", "member.role", "person.read". */
  action: string;
  organizationId?: string | null;
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Records who (person or API key, from where) did what; pass the transaction client to write it with the change. */
export async function audit(ctx: Context, entry: AuditEntry, db: AuditWriter = ctx.prisma): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: ctx.viewer?.id ?? null,
      apiKeyId: ctx.apiKey?.id ?? null,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: { ...(entry.details as object | undefined), ...(ctx.ip ? { ip: ctx.ip } : {}) },
    },
  });
}

const minorReads = new WeakMap<Context, Map<string, Promise<void>>>();

/**
 * The organisation through which the reader reaches the person: one of the reader's (their memberships, or the API
 * key's) where the person volunteers or is a member. That organisation's admins then see the read in its log.
 */
const organizationOfRead = batched<string | null>(
  async (ctx, personIds) => {
    const readers = [
      ...new Set([
        ...(ctx.viewer?.memberships.map((m) => m.organizationId) ?? []),
        ...(ctx.apiKey ? [ctx.apiKey.organizationId] : []),
      ]),
    ];
    const through = new Map<string, string>();
    if (!readers.length) return through;
    // Everyone read in a request at once (a list of applicants), not four statements per person.
    const where = { organizationId: { in: readers }, volunteerId: { in: personIds } };
    const select = { volunteerId: true, organizationId: true } as const;
    const links = await Promise.all([
      ctx.prisma.application.findMany({ where, select }),
      ctx.prisma.volunteerAgreement.findMany({ where, select }),
      ctx.prisma.mentorAssignment.findMany({ where, select }),
      ctx.prisma.membership
        .findMany({
          where: { organizationId: where.organizationId, userId: { in: personIds } },
          select: { userId: true, organizationId: true },
        })
        .then((rows) => rows.map((m) => ({ volunteerId: m.userId, organizationId: m.organizationId }))),
    ]);
    // The first link found wins, in this order: sign-up, agreement, mentoring, membership.
    for (const { volunteerId, organizationId } of links.flat()) {
      if (!through.has(volunteerId)) through.set(volunteerId, organizationId);
    }
    return through;
  },
  () => null,
);

/**
 * Every read of a minor's personal data by someone else is logged, once per
 * person per request, before the data is returned, under the organisation it was
 * read through (given, or found from the reader's and the person's organisations).
 */
export function auditPersonalDataRead(
  ctx: Context,
  person: { id: string; birthDate: Date | null },
  organizationId: string | null,
): Promise<void> {
  if (ctx.viewer?.id === person.id || !person.birthDate || ageOn(person.birthDate, new Date()) >= 18) {
    return Promise.resolve();
  }
  let reads = minorReads.get(ctx);
  if (!reads) minorReads.set(ctx, (reads = new Map()));
  let read = reads.get(person.id);
  if (!read) {
    read = (organizationId ? Promise.resolve(organizationId) : organizationOfRead(ctx, person.id)).then((through) =>
      audit(ctx, { action: 'minor.read', organizationId: through, subjectType: 'Person', subjectId: person.id }),
    );
    reads.set(person.id, read);
  }
  return read;
}
