import { opportunitySearchText } from '@tandem/db';
import { toGlobal, type WidgetHarness } from './browser.ts';

export interface OpportunityFixture {
  titleSl: string;
  titleEn?: string;
  descriptionSl?: string;
  organization?: string;
  /** Project slug. */
  project?: string;
  area?: string;
  region?: string;
  place?: string;
  minAge?: number | null;
  suitableUnder15?: boolean;
  capacity?: number | null;
  /** Days from now the opportunity starts (default 30). */
  inDays?: number;
  shifts?: { inDays: number; hours?: number; capacity: number; labelSl?: string; labelEn?: string }[];
  questions?: {
    type: 'TEXT' | 'LONG_TEXT' | 'YES_NO' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE';
    labelSl: string;
    labelEn?: string;
    required?: boolean;
    choices?: { value: string; labelSl: string; labelEn?: string }[];
  }[];
}

const day = 86_400_000;

/** A published opportunity made straight in this test file's database, as the API would store it. */
export async function createOpportunity(h: WidgetHarness, f: OpportunityFixture) {
  const org = await h.prisma.organization.findUniqueOrThrow({ where: { slug: f.organization ?? h.organizationSlug } });
  const project = f.project ? await h.prisma.project.findUniqueOrThrow({ where: { slug: f.project } }) : null;
  const startsAt = new Date(Date.now() + (f.inDays ?? 30) * day);
  startsAt.setUTCHours(8, 0, 0, 0);
  const descriptionSl = f.descriptionSl ?? `Opis priložnosti ${f.titleSl}.`;
  const opportunity = await h.prisma.opportunity.create({
    data: {
      organizationId: org.id,
      projectId: project?.id ?? null,
      slug: `w-${Math.random().toString(36).slice(2)}`,
      titleSl: f.titleSl,
      titleEn: f.titleEn ?? null,
      descriptionSl,
      descriptionEn: f.titleEn ? `Description of ${f.titleEn}.` : null,
      areaCode: f.area ?? 'SOCIAL',
      regionCode: f.region ?? org.regionCode,
      place: f.place ?? 'Maribor',
      minAge: f.minAge ?? null,
      suitableUnder15: f.suitableUnder15 ?? false,
      skills: ['delo z ljudmi'],
      capacity: f.capacity === undefined ? 10 : f.capacity,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
      searchText: opportunitySearchText({
        titleSl: f.titleSl,
        titleEn: f.titleEn ?? null,
        descriptionSl,
        place: f.place ?? 'Maribor',
        organizationName: org.name,
      }),
      shifts: {
        create: (f.shifts ?? []).map((s) => {
          const start = new Date(Date.now() + s.inDays * day);
          start.setUTCHours(8, 0, 0, 0);
          return {
            startsAt: start,
            endsAt: new Date(start.getTime() + (s.hours ?? 3) * 3_600_000),
            capacity: s.capacity,
            labelSl: s.labelSl ?? null,
            labelEn: s.labelEn ?? null,
          };
        }),
      },
      questions: {
        create: (f.questions ?? []).map((q, position) => ({
          position,
          type: q.type,
          labelSl: q.labelSl,
          labelEn: q.labelEn ?? null,
          required: q.required ?? false,
          options: q.choices ?? undefined,
        })),
      },
    },
    include: { shifts: { orderBy: { startsAt: 'asc' } }, questions: { orderBy: { position: 'asc' } } },
  });
  return { ...opportunity, globalId: toGlobal('Opportunity', opportunity.id) };
}

/** A word no seeded opportunity contains, to search for. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}
