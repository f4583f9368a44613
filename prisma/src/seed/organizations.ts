// The organisations of both partnerships, their funder and the municipality.
// Registration numbers are left empty on purpose (we do not invent official
// numbers); websites are set only where the real address is known.
import type { Prisma } from '../../generated/client/client.ts';
import type { OrganizationKind } from '../../generated/client/enums.ts';
import { at, orgId } from './ids.ts';
import type { AreaCode, RegionCode } from './reference.ts';

export type OrgSlug =
  | 'pekarna-magdalenske-mreze'
  | 'drustvo-toti-dca-maribor'
  | 'ektc-maribor'
  | 'drustvo-hisa'
  | 'zavod-mars-maribor'
  | 'mestna-obcina-maribor'
  | 'ministrstvo-za-javno-upravo'
  | 'drustvo-parada-ponosa'
  | 'drustvo-legebitra'
  | 'slovenska-filantropija';

interface OrgDef {
  slug: OrgSlug;
  name: string;
  kind: OrganizationKind;
  region: RegionCode;
  city: string;
  website: string | null;
  areas: AreaCode[];
  descriptionSl: string;
  descriptionEn: string;
}

const MARIBOR_PARTNER_SL = 'Partnerica v projektu Razvoj prostovoljstva v Mariboru (2019–2020).';
const MARIBOR_PARTNER_EN = 'Partner in the Developing volunteering in Maribor project (2019–2020).';

const ORGANIZATIONS: OrgDef[] = [
  {
    slug: 'pekarna-magdalenske-mreze',
    name: 'Pekarna Magdalenske mreže',
    kind: 'NGO',
    region: 'podravska',
    city: 'Maribor',
    website: null,
    areas: ['CULTURE', 'SOCIAL', 'EDUCATION'],
    descriptionSl:
      'Nevladna organizacija iz Maribora; nosilka projekta Razvoj prostovoljstva v Mariboru (2019–2020), ki je uvedel enotni model spremljanja in evalviranja prostovoljskega dela.',
    descriptionEn:
      'A Maribor NGO; lead of the Developing volunteering in Maribor project (2019–2020), which introduced a unified model for monitoring and evaluating volunteer work.',
  },
  {
    slug: 'drustvo-toti-dca-maribor',
    name: 'Društvo TOTI DCA Maribor',
    kind: 'NGO',
    region: 'podravska',
    city: 'Maribor',
    website: null,
    areas: ['EDUCATION', 'SOCIAL'],
    descriptionSl: `Društvo iz Maribora s statusom socialnega podjetja (so.p.). ${MARIBOR_PARTNER_SL}`,
    descriptionEn: `A Maribor association with social-enterprise status. ${MARIBOR_PARTNER_EN}`,
  },
  {
    slug: 'ektc-maribor',
    name: 'Evropski kulturni in tehnološki center Maribor',
    kind: 'NGO',
    region: 'podravska',
    city: 'Maribor',
    website: null,
    areas: ['CULTURE', 'EDUCATION'],
    descriptionSl: `Organizacija iz Maribora s statusom socialnega podjetja (so.p.). ${MARIBOR_PARTNER_SL}`,
    descriptionEn: `A Maribor organisation with social-enterprise status. ${MARIBOR_PARTNER_EN}`,
  },
  {
    slug: 'drustvo-hisa',
    name: 'Društvo Hiša!',
    kind: 'NGO',
    region: 'podravska',
    city: 'Maribor',
    website: null,
    areas: ['SOCIAL', 'CULTURE'],
    descriptionSl: `Društvo iz Maribora s statusom socialnega podjetja (so.p.). ${MARIBOR_PARTNER_SL}`,
    descriptionEn: `A Maribor association with social-enterprise status. ${MARIBOR_PARTNER_EN}`,
  },
  {
    slug: 'zavod-mars-maribor',
    name: 'Zavod MARS Maribor',
    kind: 'NGO',
    region: 'podravska',
    city: 'Maribor',
    website: null,
    areas: ['EDUCATION', 'CULTURE'],
    descriptionSl: `Zavod iz Maribora. ${MARIBOR_PARTNER_SL}`,
    descriptionEn: `An institute (zavod) from Maribor. ${MARIBOR_PARTNER_EN}`,
  },
  {
    slug: 'mestna-obcina-maribor',
    name: 'Mestna občina Maribor',
    kind: 'MUNICIPALITY',
    region: 'podravska',
    city: 'Maribor',
    website: 'https://www.maribor.si',
    areas: [],
    descriptionSl:
      'Mestna občina Maribor. Projekt Razvoj prostovoljstva v Mariboru je zanjo pripravil strategijo razvoja prostovoljstva.',
    descriptionEn:
      'The City Municipality of Maribor. The Developing volunteering in Maribor project prepared its strategy for the development of volunteering.',
  },
  {
    slug: 'ministrstvo-za-javno-upravo',
    name: 'Ministrstvo za javno upravo',
    kind: 'PUBLIC_INSTITUTION',
    region: 'osrednjeslovenska',
    city: 'Ljubljana',
    website: 'https://www.gov.si/drzavni-organi/ministrstva/ministrstvo-za-javno-upravo/',
    areas: [],
    descriptionSl:
      'Ministrstvo, pristojno za nevladne organizacije in prostovoljstvo; sofinanciralo je projekta Razvoj prostovoljstva v Mariboru in LGBTIQ+ prostovoljstvo.',
    descriptionEn:
      'The ministry responsible for NGOs and volunteering; it co-funded the Developing volunteering in Maribor and LGBTIQ+ volunteering projects.',
  },
  {
    slug: 'drustvo-parada-ponosa',
    name: 'Društvo Parada ponosa',
    kind: 'NGO',
    region: 'osrednjeslovenska',
    city: 'Ljubljana',
    website: 'https://ljubljanapride.org',
    areas: ['HUMAN_RIGHTS', 'CULTURE', 'YOUTH'],
    descriptionSl:
      'Mladinska, prostovoljska in nepridobitna organizacija iz Ljubljane, ki organizira Festival Parada ponosa; nosilka projekta LGBTIQ+ prostovoljstvo (2018–2019).',
    descriptionEn:
      'A youth, volunteer-run, non-profit organisation from Ljubljana that organises the Pride Parade Festival; lead of the LGBTIQ+ volunteering project (2018–2019).',
  },
  {
    slug: 'drustvo-legebitra',
    name: 'Društvo Legebitra',
    kind: 'NGO',
    region: 'osrednjeslovenska',
    city: 'Ljubljana',
    website: 'https://legebitra.si',
    areas: ['HUMAN_RIGHTS', 'YOUTH', 'HEALTH', 'SOCIAL'],
    descriptionSl:
      'Društvo iz Ljubljane, ki redno izvaja aktivnosti tudi v Kopru, Brežicah, Mariboru in na Jesenicah; partnerica v projektu LGBTIQ+ prostovoljstvo (2018–2019).',
    descriptionEn:
      'A Ljubljana association that also runs regular activities in Koper, Brežice, Maribor and Jesenice; partner in the LGBTIQ+ volunteering project (2018–2019).',
  },
  {
    slug: 'slovenska-filantropija',
    name: 'Slovenska filantropija',
    kind: 'NGO',
    region: 'osrednjeslovenska',
    city: 'Ljubljana',
    website: 'https://www.filantropija.org',
    areas: ['SOCIAL', 'HUMANITARIAN', 'EDUCATION'],
    descriptionSl:
      'Združenje za promocijo prostovoljstva iz Ljubljane; v projektu LGBTIQ+ prostovoljstvo pridružena partnerica, ki je nudila strokovno podporo.',
    descriptionEn:
      'An association for the promotion of volunteering, based in Ljubljana; associate partner giving expert support in the LGBTIQ+ volunteering project.',
  },
];

const CREATED_AT = at('2018-09-03T09:00');

export function organizationName(slug: OrgSlug): string {
  const org = ORGANIZATIONS.find((o) => o.slug === slug);
  if (!org) throw new Error(`unknown organisation ${slug}`);
  return org.name;
}

/** Volunteer organisations (NGOs) are entered in the AJPES register. */
const isVolunteerOrg = (org: OrgDef) => org.kind === 'NGO';

export const organizations: Prisma.OrganizationCreateManyInput[] = ORGANIZATIONS.map((org) => ({
  id: orgId(org.slug),
  slug: org.slug,
  name: org.name,
  kind: org.kind,
  registrationNumber: null,
  volunteerRegistry: isVolunteerOrg(org),
  regionCode: org.region,
  city: org.city,
  address: null,
  website: org.website,
  contactEmail: isVolunteerOrg(org) ? `${org.slug}@example.org` : null,
  contactPhone: null,
  descriptionSl: org.descriptionSl,
  descriptionEn: org.descriptionEn,
  createdAt: CREATED_AT,
  updatedAt: CREATED_AT,
}));

export const organizationAreas: Prisma.OrganizationAreaCreateManyInput[] = ORGANIZATIONS.flatMap((org) =>
  org.areas.map((areaCode) => ({ organizationId: orgId(org.slug), areaCode })),
);
