// Volunteers: the shapes of their data and lookups. The people themselves are
// in volunteers-lgbtiq.ts and volunteers-maribor.ts, plus two applicants here.
// All names are fictional and all addresses are at example.org / example.net.
import type { Gender, Locale } from '../../generated/client/enums.ts';
import type { ActivityPool } from './activities.ts';
import { userId } from './ids.ts';
import { LGBTIQ_VOLUNTEERS } from './volunteers-lgbtiq.ts';
import { MARIBOR_VOLUNTEERS } from './volunteers-maribor.ts';
import type { OrgSlug } from './organizations.ts';

export interface EngagementDef {
  org: OrgSlug;
  startsOn: string;
  endsOn: string;
  /** What the volunteer will do, as the agreement says. */
  tasks: string;
  place: string;
  /** Staff handle of the mentor, who also reviews the hours. */
  mentor: string;
  pool: ActivityPool;
  /** Slugs of the organisation's opportunities the hours belong to (when dated inside them). */
  opportunities?: string[];
  /** Days between two hour-log entries, shortest and longest. */
  every?: [number, number];
  /** First day hours are logged, when later than the start of the agreement. */
  logFrom?: string;
}

export interface VolunteerDef {
  handle: string;
  name: string;
  domain: 'example.org' | 'example.net';
  birthDate: string;
  gender: Gender | null;
  locale: Locale;
  /** Parent or guardian, for volunteers who were minors when they started. */
  guardian?: { name: string; email: string };
  engagements: EngagementDef[];
}

/** Everyone who volunteers or has signed up; the data lives in volunteers-*.ts. */
export const VOLUNTEERS: VolunteerDef[] = [
  ...LGBTIQ_VOLUNTEERS,
  ...MARIBOR_VOLUNTEERS,
  // Applicants without an agreement yet.
  {
    handle: 'rebeka.vidic',
    name: 'Rebeka Vidic',
    domain: 'example.net',
    birthDate: '2005-02-02',
    gender: 'FEMALE',
    locale: 'sl',
    engagements: [],
  },
  {
    handle: 'oskar.bregar',
    name: 'Oskar Bregar',
    domain: 'example.org',
    birthDate: '2008-08-08',
    gender: null,
    locale: 'sl',
    engagements: [],
  },
];

export const volunteerEmail = (v: VolunteerDef) => `${v.handle}@${v.domain}`;

/** The user id of a volunteer. */
export const volunteerId = (v: VolunteerDef) => userId(volunteerEmail(v));

export function volunteer(handle: string): VolunteerDef {
  const found = VOLUNTEERS.find((v) => v.handle === handle);
  if (!found) throw new Error(`unknown volunteer ${handle}`);
  return found;
}
