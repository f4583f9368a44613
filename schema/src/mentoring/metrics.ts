import type { IndicatorMetric, PrismaClient } from '@tandem/db';
import type { Context } from '../context.ts';
import { nextDay, startOfSlovenianDay } from './dates.ts';

export interface ProjectPeriod {
  id: string;
  /** First day of the project. */
  startsOn: Date;
  /** Last day of the project. */
  endsOn: Date;
}

/**
 * An indicator's current value computed from the data, counting only what
 * happened within the project period (both ends included):
 *
 * - INTERVISION_SESSIONS: intervision sessions recorded for the project and held in the period;
 * - ORGANIZATIONS_USING_SHARED_MODEL: organisations of the partnership (lead, partners,
 *   associates) with at least one evaluation response on one of the project's shared
 *   templates (any version) submitted in the period;
 * - EVALUATION_RESPONSES: those responses;
 * - MENTORED_VOLUNTEERS: volunteers with a mentor assignment in an organisation of the
 *   partnership whose period overlaps the project's;
 * - ACTIVE_VOLUNTEERS: volunteers with approved hours dated in the period in the project's opportunities;
 * - APPROVED_HOURS: those approved hours, in whole hours (minutes summed, then rounded down).
 *
 * Dates are calendar days; submission instants are compared with Slovenian days.
 */
export async function computeMetric(
  prisma: PrismaClient,
  project: ProjectPeriod,
  metric: IndicatorMetric,
): Promise<number> {
  const days = { gte: project.startsOn, lte: project.endsOn };
  const partners = async () =>
    (await prisma.projectPartner.findMany({ where: { projectId: project.id }, select: { organizationId: true } })).map(
      (p) => p.organizationId,
    );
  switch (metric) {
    case 'INTERVISION_SESSIONS':
      return prisma.intervisionSession.count({ where: { projectId: project.id, heldOn: days } });
    case 'ORGANIZATIONS_USING_SHARED_MODEL':
    case 'EVALUATION_RESPONSES': {
      const where = {
        template: { projectId: project.id },
        organizationId: { in: await partners() },
        submittedAt: { gte: startOfSlovenianDay(project.startsOn), lt: startOfSlovenianDay(nextDay(project.endsOn)) },
      };
      if (metric === 'EVALUATION_RESPONSES') return prisma.evaluationResponse.count({ where });
      const organizations = await prisma.evaluationResponse.findMany({
        where,
        distinct: ['organizationId'],
        select: { organizationId: true },
      });
      return organizations.length;
    }
    case 'MENTORED_VOLUNTEERS': {
      const volunteers = await prisma.mentorAssignment.findMany({
        where: {
          organizationId: { in: await partners() },
          startsOn: { lte: project.endsOn },
          OR: [{ endsOn: null }, { endsOn: { gte: project.startsOn } }],
        },
        distinct: ['volunteerId'],
        select: { volunteerId: true },
      });
      return volunteers.length;
    }
    case 'ACTIVE_VOLUNTEERS': {
      const volunteers = await prisma.hourLog.findMany({
        where: { status: 'APPROVED', date: days, opportunity: { projectId: project.id } },
        distinct: ['volunteerId'],
        select: { volunteerId: true },
      });
      return volunteers.length;
    }
    case 'APPROVED_HOURS': {
      const sum = await prisma.hourLog.aggregate({
        where: { status: 'APPROVED', date: days, opportunity: { projectId: project.id } },
        _sum: { minutes: true },
      });
      return Math.floor((sum._sum.minutes ?? 0) / 60);
    }
  }
}

const cache = new WeakMap<Context, Map<string, Promise<number>>>();

/** computeMetric once per request for each project and metric (current, percent and met all need it). */
export function metricValue(ctx: Context, project: ProjectPeriod, metric: IndicatorMetric): Promise<number> {
  let values = cache.get(ctx);
  if (!values) cache.set(ctx, (values = new Map()));
  const key = `${project.id}:${metric}`;
  let value = values.get(key);
  if (!value) {
    value = computeMetric(ctx.prisma, project, metric);
    values.set(key, value);
  }
  return value;
}
