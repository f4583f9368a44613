// Opportunities with their shifts and sign-up questions. The data itself lives
// in opportunities-maribor.ts and opportunities-lgbtiq.ts; this module turns it
// into rows. Every searchText is computed with opportunitySearchText.
import type { Prisma } from '../../generated/client/client.ts';
import type { OpportunityStatus, QuestionType } from '../../generated/client/enums.ts';
import { opportunitySearchText } from '../search-text.ts';
import { at, opportunityId, orgId, projectId, shiftId, signupQuestionId } from './ids.ts';
import { MARIBOR_OPPORTUNITIES } from './opportunities-maribor.ts';
import { LGBTIQ_OPPORTUNITIES } from './opportunities-lgbtiq.ts';
import { organizationName, type OrgSlug } from './organizations.ts';
import type { AreaCode, RegionCode } from './reference.ts';
import { staffId } from './staff.ts';

export interface ChoiceOption {
  value: string;
  labelSl: string;
  labelEn: string;
}

export interface ShiftDef {
  key: string;
  /** Local times, `yyyy-mm-ddThh:mm`. */
  startsAt: string;
  endsAt: string;
  capacity: number;
  labelSl: string;
  labelEn: string;
}

export interface QuestionDef {
  type: QuestionType;
  labelSl: string;
  labelEn: string;
  required: boolean;
  options?: ChoiceOption[];
}

export interface OpportunityDef {
  org: OrgSlug;
  slug: string;
  project?: string;
  titleSl: string;
  titleEn: string;
  descriptionSl: string;
  descriptionEn: string;
  area: AreaCode;
  region: RegionCode;
  /** Where it happens; null when remote. */
  place: string | null;
  remote?: boolean;
  minAge: number | null;
  suitableUnder15?: boolean;
  skills: string[];
  /** Staff handle. */
  mentor?: string;
  /** Places in total; null when the opportunity has shifts (each has its own) or no limit. */
  capacity: number | null;
  status: OpportunityStatus;
  createdAt: string;
  publishedAt?: string;
  startsAt: string;
  endsAt: string;
  applyBy?: string;
  shifts?: ShiftDef[];
  questions?: QuestionDef[];
}

export const OPPORTUNITIES: OpportunityDef[] = [...MARIBOR_OPPORTUNITIES, ...LGBTIQ_OPPORTUNITIES];

export function opportunity(org: string, slug: string): OpportunityDef {
  const found = OPPORTUNITIES.find((o) => o.org === org && o.slug === slug);
  if (!found) throw new Error(`unknown opportunity ${org}/${slug}`);
  return found;
}

/** Yes/no answers are stored as booleans. */
export const YES = true;
export const NO = false;

function lastChange(o: OpportunityDef): Date {
  return at(o.publishedAt ?? o.createdAt);
}

export const opportunities: Prisma.OpportunityCreateManyInput[] = OPPORTUNITIES.map((o) => ({
  id: opportunityId(o.org, o.slug),
  organizationId: orgId(o.org),
  projectId: o.project ? projectId(o.project) : null,
  slug: o.slug,
  titleSl: o.titleSl,
  titleEn: o.titleEn,
  descriptionSl: o.descriptionSl,
  descriptionEn: o.descriptionEn,
  areaCode: o.area,
  regionCode: o.region,
  place: o.place,
  remote: o.remote ?? false,
  minAge: o.minAge,
  suitableUnder15: o.suitableUnder15 ?? false,
  skills: o.skills,
  mentorId: o.mentor ? staffId(o.mentor) : null,
  capacity: o.shifts?.length ? null : o.capacity,
  status: o.status,
  startsAt: at(o.startsAt),
  endsAt: at(o.endsAt),
  applyBy: o.applyBy ? at(o.applyBy) : null,
  publishedAt: o.publishedAt ? at(o.publishedAt) : null,
  createdAt: at(o.createdAt),
  updatedAt: lastChange(o),
  searchText: opportunitySearchText({
    titleSl: o.titleSl,
    titleEn: o.titleEn,
    descriptionSl: o.descriptionSl,
    descriptionEn: o.descriptionEn,
    place: o.place,
    organizationName: organizationName(o.org),
    skills: o.skills,
  }),
}));

export const shifts: Prisma.ShiftCreateManyInput[] = OPPORTUNITIES.flatMap((o) =>
  (o.shifts ?? []).map((s) => ({
    id: shiftId(o.org, o.slug, s.key),
    opportunityId: opportunityId(o.org, o.slug),
    startsAt: at(s.startsAt),
    endsAt: at(s.endsAt),
    capacity: s.capacity,
    labelSl: s.labelSl,
    labelEn: s.labelEn,
  })),
);

export const signupQuestions: Prisma.SignupQuestionCreateManyInput[] = OPPORTUNITIES.flatMap((o) =>
  (o.questions ?? []).map((q, position) => ({
    id: signupQuestionId(o.org, o.slug, position),
    opportunityId: opportunityId(o.org, o.slug),
    position,
    type: q.type,
    labelSl: q.labelSl,
    labelEn: q.labelEn,
    required: q.required,
    ...(q.options ? { options: q.options as unknown as Prisma.InputJsonValue } : {}),
  })),
);
