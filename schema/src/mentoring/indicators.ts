import type { IndicatorProgressModel as IndicatorProgress } from '@tandem/db';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { ConflictError, InputError, NotFoundError, RuleError } from '../errors.ts';
import { today } from './dates.ts';

export interface RecordProgressInput {
  indicatorId: string;
  recordedOn: Date;
  amount: number;
  note: string | null;
  idempotencyKey: string;
}

/**
 * Adds an entry to the progress of an indicator that is not computed from the
 * data. Needs `indicators:write` (COORDINATOR or ADMIN) in the project's lead
 * organisation. A retry with the same idempotencyKey by the same person returns
 * the first entry; the key used by someone else, or for a different entry, is
 * a conflict. Audited as `indicator.progress`.
 */
export async function recordProgress(ctx: Context, input: RecordProgressInput): Promise<IndicatorProgress> {
  const L = ctx.locale;
  const indicator = await ctx.prisma.indicator.findUnique({
    where: { id: input.indicatorId },
    select: { id: true, metric: true, projectId: true, project: { select: { partners: { where: { role: 'LEAD' } } } } },
  });
  const leads = indicator?.project.partners.map((p) => p.organizationId) ?? [];
  const allowed = await Promise.all(leads.map((id) => ctx.access.can('indicators:write', id)));
  const lead = leads.find((_, i) => allowed[i]);
  if (!indicator || !lead) throw new NotFoundError(L, ['input', 'indicatorId']);

  const note = input.note?.trim() || null;
  const previous = await ctx.prisma.indicatorProgress.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (previous) {
    const same =
      previous.indicatorId === indicator.id &&
      previous.recordedById === (ctx.viewer?.id ?? null) &&
      previous.amount === input.amount &&
      previous.recordedOn.getTime() === input.recordedOn.getTime() &&
      previous.note === note;
    if (!same) throw new ConflictError(L, 'IDEMPOTENCY_CONFLICT');
    return previous;
  }
  if (indicator.metric) throw new RuleError(L, 'INDICATOR_COMPUTED');
  if (input.amount === 0) throw InputError.field(L, ['input', 'amount'], 'AMOUNT_NOT_ZERO');
  if (input.recordedOn > today()) throw InputError.field(L, ['input', 'recordedOn'], 'FUTURE_DATE');

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const entry = await tx.indicatorProgress.create({
        data: {
          indicatorId: indicator.id,
          recordedOn: input.recordedOn,
          amount: input.amount,
          note,
          recordedById: ctx.viewer?.id ?? null,
          idempotencyKey: input.idempotencyKey,
        },
      });
      await audit(
        ctx,
        {
          action: 'indicator.progress',
          organizationId: lead,
          subjectType: 'Indicator',
          subjectId: indicator.id,
          details: { amount: input.amount, recordedOn: input.recordedOn.toISOString().slice(0, 10) },
        },
        tx,
      );
      return entry;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return recordProgress(ctx, input);
    throw error;
  }
}
