// Staff: the Maribor project's coordinator and four mentors, the LGBTIQ+
// project's coordinators and mentors, and an admin where an organisation needs one.
// All names are fictional.
import type { Gender, Role } from '../../generated/client/enums.ts';
import { userId } from './ids.ts';
import type { OrgSlug } from './organizations.ts';

export interface StaffRole {
  org: OrgSlug;
  role: Exclude<Role, 'VOLUNTEER'>;
  title: string;
  since: string;
}

export interface StaffDef {
  /** The e-mail's local part; the natural key other modules use. */
  handle: string;
  name: string;
  birthDate: string;
  gender: Gender;
  roles: StaffRole[];
}

export const STAFF: StaffDef[] = [
  // Razvoj prostovoljstva v Mariboru: one coordinator at the lead, four mentors at the partners.
  {
    handle: 'maja.vidmar',
    name: 'Maja Vidmar',
    birthDate: '1986-04-09',
    gender: 'FEMALE',
    roles: [
      {
        org: 'pekarna-magdalenske-mreze',
        role: 'COORDINATOR',
        title: 'koordinatorka prostovoljstva',
        since: '2019-06-01',
      },
    ],
  },
  {
    handle: 'luka.horvat',
    name: 'Luka Horvat',
    birthDate: '1990-02-17',
    gender: 'MALE',
    roles: [{ org: 'drustvo-toti-dca-maribor', role: 'MENTOR', title: 'mentor prostovoljcev', since: '2019-06-01' }],
  },
  {
    handle: 'tina.kranjc',
    name: 'Tina Kranjc',
    birthDate: '1988-07-05',
    gender: 'FEMALE',
    roles: [{ org: 'ektc-maribor', role: 'MENTOR', title: 'mentorica prostovoljcev', since: '2019-06-01' }],
  },
  {
    handle: 'rok.zupan',
    name: 'Rok Zupan',
    birthDate: '1991-10-30',
    gender: 'MALE',
    roles: [{ org: 'drustvo-hisa', role: 'MENTOR', title: 'mentor prostovoljcev', since: '2019-06-01' }],
  },
  {
    handle: 'petra.golob',
    name: 'Petra Golob',
    birthDate: '1987-01-12',
    gender: 'FEMALE',
    roles: [{ org: 'zavod-mars-maribor', role: 'MENTOR', title: 'mentorica prostovoljcev', since: '2019-06-01' }],
  },
  {
    handle: 'andrej.kovacic',
    name: 'Andrej Kovačič',
    birthDate: '1979-11-23',
    gender: 'MALE',
    roles: [{ org: 'pekarna-magdalenske-mreze', role: 'ADMIN', title: 'vodja programov', since: '2018-09-03' }],
  },
  // LGBTIQ+ prostovoljstvo: coordinators and mentors at both NGOs.
  {
    handle: 'nika.potocnik',
    name: 'Nika Potočnik',
    birthDate: '1992-05-28',
    gender: 'FEMALE',
    roles: [
      { org: 'drustvo-parada-ponosa', role: 'COORDINATOR', title: 'koordinatorka prostovoljstva', since: '2018-10-01' },
    ],
  },
  {
    handle: 'jan.mlakar',
    name: 'Jan Mlakar',
    birthDate: '1993-09-14',
    gender: 'MALE',
    roles: [{ org: 'drustvo-parada-ponosa', role: 'MENTOR', title: 'mentor prostovoljk_cev', since: '2018-10-01' }],
  },
  {
    handle: 'eva.bizjak',
    name: 'Eva Bizjak',
    birthDate: '1985-12-03',
    gender: 'FEMALE',
    roles: [{ org: 'drustvo-parada-ponosa', role: 'ADMIN', title: 'vodja pisarne', since: '2018-09-03' }],
  },
  {
    handle: 'ana.kos',
    name: 'Ana Kos',
    birthDate: '1989-03-21',
    gender: 'FEMALE',
    roles: [
      { org: 'drustvo-legebitra', role: 'COORDINATOR', title: 'koordinatorka prostovoljstva', since: '2018-10-01' },
    ],
  },
  {
    handle: 'matej.vrhovnik',
    name: 'Matej Vrhovnik',
    birthDate: '1990-12-08',
    gender: 'MALE',
    roles: [
      { org: 'drustvo-legebitra', role: 'MENTOR', title: 'mentor na terenu (Koper, Brežice)', since: '2018-10-01' },
    ],
  },
  {
    handle: 'sara.hribar',
    name: 'Sara Hribar',
    birthDate: '1994-06-19',
    gender: 'FEMALE',
    roles: [
      {
        org: 'drustvo-legebitra',
        role: 'MENTOR',
        title: 'mentorica na terenu (Maribor, Jesenice)',
        since: '2018-10-01',
      },
    ],
  },
  {
    handle: 'gregor.turk',
    name: 'Gregor Turk',
    birthDate: '1984-08-02',
    gender: 'MALE',
    roles: [{ org: 'drustvo-legebitra', role: 'ADMIN', title: 'vodja pisarne', since: '2018-09-03' }],
  },
  {
    handle: 'urska.kolar',
    name: 'Urška Kolar',
    birthDate: '1982-10-04',
    gender: 'FEMALE',
    roles: [
      {
        org: 'slovenska-filantropija',
        role: 'COORDINATOR',
        title: 'svetovalka za prostovoljstvo',
        since: '2018-09-03',
      },
    ],
  },
];

export const staffEmail = (handle: string) => `${handle}@example.org`;

export function staff(handle: string): StaffDef {
  const found = STAFF.find((s) => s.handle === handle);
  if (!found) throw new Error(`unknown staff member ${handle}`);
  return found;
}

/** The user id of a staff member, by handle. */
export const staffId = (handle: string) => userId(staffEmail(staff(handle).handle));
