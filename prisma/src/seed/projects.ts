// Shapes shared by maribor.ts and lgbtiq.ts: a project with its partners,
// regions, indicators (with progress) and intervision sessions, turned into rows.
import type { Prisma } from '../../generated/client/client.ts';
import type { IndicatorKind, IndicatorMetric, PartnerRole } from '../../generated/client/enums.ts';
import { at, day, orgId, projectId, stableId } from './ids.ts';
import type { OrgSlug } from './organizations.ts';
import { staffId } from './staff.ts';
import type { RegionCode } from './reference.ts';

export interface IndicatorDef {
  titleSl: string;
  titleEn: string;
  kind: IndicatorKind;
  target: number;
  unitSl: string;
  unitEn: string;
  /** Set when the value is computed from the data; such indicators have no recorded progress. */
  metric?: IndicatorMetric;
  /** [recordedOn, amount, note] */
  progress: Array<[string, number, string]>;
}

export interface IntervisionDef {
  heldOn: string;
  org: OrgSlug;
  /** Set for sessions held within the project. */
  inProject: boolean;
  facilitator: string;
  participants: string[];
  topics: string[];
  outcomes: string;
}

export interface ProjectDef {
  slug: string;
  nameSl: string;
  nameEn: string;
  summarySl: string;
  summaryEn: string;
  funder: OrgSlug;
  funderName: string;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  partners: Array<[OrgSlug, PartnerRole]>;
  regions: RegionCode[];
  indicators: IndicatorDef[];
  /** Staff handle of who records the indicators' progress at the lead organisation. */
  progressRecorder?: string;
  intervisions: IntervisionDef[];
}

export interface ProjectRows {
  project: Prisma.ProjectCreateManyInput;
  partners: Prisma.ProjectPartnerCreateManyInput[];
  regions: Prisma.ProjectRegionCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  indicatorProgress: Prisma.IndicatorProgressCreateManyInput[];
  intervisionSessions: Prisma.IntervisionSessionCreateManyInput[];
  intervisionParticipants: Prisma.IntervisionParticipantCreateManyInput[];
}

export const indicatorId = (project: string, position: number) => stableId('indicator', `${project}/${position}`);
export const intervisionId = (org: string, heldOn: string) => stableId('intervisionSession', `${org}/${heldOn}`);

export function projectRows(p: ProjectDef): ProjectRows {
  const id = projectId(p.slug);
  const createdAt = at(`${p.createdAt}T09:00`);
  return {
    project: {
      id,
      slug: p.slug,
      nameSl: p.nameSl,
      nameEn: p.nameEn,
      summarySl: p.summarySl,
      summaryEn: p.summaryEn,
      funderId: orgId(p.funder),
      funderName: p.funderName,
      startsOn: day(p.startsOn),
      endsOn: day(p.endsOn),
      createdAt,
      updatedAt: createdAt,
    },
    partners: p.partners.map(([org, role]) => ({ projectId: id, organizationId: orgId(org), role })),
    regions: p.regions.map((regionCode) => ({ projectId: id, regionCode })),
    indicators: p.indicators.map((i, index) => ({
      id: indicatorId(p.slug, index + 1),
      projectId: id,
      position: index + 1,
      titleSl: i.titleSl,
      titleEn: i.titleEn,
      kind: i.kind,
      target: i.target,
      unitSl: i.unitSl,
      unitEn: i.unitEn,
      metric: i.metric ?? null,
      createdAt,
      updatedAt: createdAt,
    })),
    indicatorProgress: p.indicators.flatMap((i, index) => {
      if (i.metric && i.progress.length) throw new Error(`indicator ${index + 1} of ${p.slug} is computed`);
      return i.progress.map(([recordedOn, amount, note]) => ({
        id: stableId('indicatorProgress', `${p.slug}/${index + 1}/${recordedOn}`),
        indicatorId: indicatorId(p.slug, index + 1),
        recordedOn: day(recordedOn),
        amount,
        note,
        recordedById: p.progressRecorder ? staffId(p.progressRecorder) : null,
        createdAt: at(`${recordedOn}T15:00`),
      }));
    }),
    intervisionSessions: p.intervisions.map((s) => ({
      id: intervisionId(s.org, s.heldOn),
      organizationId: orgId(s.org),
      projectId: s.inProject ? id : null,
      heldOn: day(s.heldOn),
      facilitatorId: staffId(s.facilitator),
      topics: s.topics,
      outcomes: s.outcomes,
      createdAt: at(`${s.heldOn}T17:00`),
    })),
    intervisionParticipants: p.intervisions.flatMap((s) =>
      s.participants.map((handle) => ({ sessionId: intervisionId(s.org, s.heldOn), userId: staffId(handle) })),
    ),
  };
}
