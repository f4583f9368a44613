import type { EvaluationQuestionType, Prisma, PrismaClient } from '@tandem/db';

interface TemplateOwner {
  organizationId: string | null;
  projectId: string | null;
}
import type { Context, Locale } from '../context.ts';
import { type FieldError, InputError } from '../errors.ts';
import { t } from '../i18n.ts';

/** The organisations whose managers (evaluations:manage) run a template: its owner, or its project's lead. */
export async function managingOrganizations(prisma: PrismaClient, template: TemplateOwner): Promise<string[]> {
  if (template.organizationId) return [template.organizationId];
  if (!template.projectId) return [];
  const leads = await prisma.projectPartner.findMany({
    where: { projectId: template.projectId, role: 'LEAD' },
    select: { organizationId: true },
  });
  return leads.map((l) => l.organizationId);
}

/**
 * May create, edit, publish and version the template: evaluations:manage
 * (admins, coordinators) in the owning organisation, or, for a template a
 * partnership shares, in the project's lead organisation.
 */
export async function mayManageTemplate(ctx: Context, template: TemplateOwner): Promise<boolean> {
  for (const organizationId of await managingOrganizations(ctx.prisma, template)) {
    if (await ctx.access.can('evaluations:manage', organizationId)) return true;
  }
  return false;
}

/**
 * Unpublished versions are work in progress: visible to the staff of the
 * owning organisation (for a shared template, of the project's lead).
 */
export async function maySeeTemplate(
  ctx: Context,
  template: TemplateOwner & { publishedAt: Date | null },
): Promise<boolean> {
  if (template.publishedAt) return true;
  const organizations = await managingOrganizations(ctx.prisma, template);
  return organizations.some((o) => ctx.access.isStaffOf(o));
}

/** A question as the API takes it. */
export interface QuestionInput {
  type: EvaluationQuestionType;
  promptSl: string;
  promptEn: string;
  required?: boolean | null;
  scaleMin?: number | null;
  scaleMax?: number | null;
  scaleMinLabelSl?: string | null;
  scaleMinLabelEn?: string | null;
  scaleMaxLabelSl?: string | null;
  scaleMaxLabelEn?: string | null;
  choices?: readonly { value: string; labelSl: string; labelEn?: string | null }[] | null;
  competenceCode?: string | null;
}

type QuestionRow = Omit<Prisma.EvaluationQuestionCreateManyInput, 'templateId'>;

/**
 * Checks questions and returns them as rows (position = order given), keeping
 * only what each type uses: scale bounds and labels for SCALE and COMPETENCE
 * (1–5 unless given), a competence for COMPETENCE, two or more distinct
 * choices for the choice types.
 */
export async function questionRows(
  prisma: PrismaClient,
  locale: Locale,
  questions: readonly QuestionInput[],
): Promise<QuestionRow[]> {
  const errors: FieldError[] = [];
  const codes = new Set((await prisma.competence.findMany({ select: { code: true } })).map((c) => c.code));
  const rows = questions.map((q, position): QuestionRow => {
    const at = (field: string) => ['input', 'questions', String(position), field];
    const isScale = q.type === 'SCALE' || q.type === 'COMPETENCE';
    const isChoice = q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE';
    const scaleMin = isScale ? (q.scaleMin ?? 1) : null;
    const scaleMax = isScale ? (q.scaleMax ?? 5) : null;
    if (isScale && scaleMin! >= scaleMax!) errors.push({ path: at('scaleMax'), message: t(locale, 'SCALE_RANGE') });
    if (q.type === 'COMPETENCE' && !(q.competenceCode && codes.has(q.competenceCode))) {
      errors.push({ path: at('competenceCode'), message: t(locale, 'UNKNOWN_COMPETENCE') });
    }
    const choices = isChoice
      ? (q.choices ?? []).map((c) => ({
          value: c.value.trim(),
          labelSl: c.labelSl.trim(),
          labelEn: c.labelEn?.trim() || c.labelSl.trim(),
        }))
      : null;
    if (isChoice && (choices!.length < 2 || new Set(choices!.map((c) => c.value)).size !== choices!.length)) {
      errors.push({ path: at('choices'), message: t(locale, 'CHOICES_REQUIRED') });
    }
    return {
      position,
      type: q.type,
      promptSl: q.promptSl.trim(),
      promptEn: q.promptEn.trim(),
      required: q.required ?? true,
      scaleMin,
      scaleMax,
      scaleMinLabelSl: isScale ? (q.scaleMinLabelSl ?? null) : null,
      scaleMinLabelEn: isScale ? (q.scaleMinLabelEn ?? null) : null,
      scaleMaxLabelSl: isScale ? (q.scaleMaxLabelSl ?? null) : null,
      scaleMaxLabelEn: isScale ? (q.scaleMaxLabelEn ?? null) : null,
      ...(choices ? { options: choices as unknown as Prisma.InputJsonValue } : {}),
      competenceCode: q.type === 'COMPETENCE' ? q.competenceCode! : null,
    };
  });
  if (errors.length) throw new InputError(locale, errors);
  return rows;
}

/** The parts of a question that are copied to a new version. */
export function copyOfQuestion(q: Prisma.EvaluationQuestionGetPayload<object>): QuestionRow {
  return {
    position: q.position,
    type: q.type,
    promptSl: q.promptSl,
    promptEn: q.promptEn,
    required: q.required,
    scaleMin: q.scaleMin,
    scaleMax: q.scaleMax,
    scaleMinLabelSl: q.scaleMinLabelSl,
    scaleMinLabelEn: q.scaleMinLabelEn,
    scaleMaxLabelSl: q.scaleMaxLabelSl,
    scaleMaxLabelEn: q.scaleMaxLabelEn,
    ...(q.options === null ? {} : { options: q.options as Prisma.InputJsonValue }),
    competenceCode: q.competenceCode,
  };
}
