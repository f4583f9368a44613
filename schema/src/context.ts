import type { PrismaClient, Role } from '@tandem/db';

export type Locale = 'sl' | 'en';

/** The signed-in person and the organisations they belong to, loaded once per request. */
export interface Viewer {
  id: string;
  name: string;
  memberships: { organizationId: string; role: Role }[];
}

/** The API key a request came with, already checked against the request origin. */
export interface RequestApiKey {
  id: string;
  organizationId: string;
  kind: 'PUBLISHABLE' | 'SECRET';
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  apiKey: RequestApiKey | null;
  locale: Locale;
  /** The Origin header of a browser request (recorded with sign-ups). */
  origin: string | null;
}

const STAFF_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'MENTOR'];
const MANAGER_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR'];

export function hasRole(viewer: Viewer | null, organizationId: string, roles: readonly Role[]): boolean {
  return !!viewer?.memberships.some((m) => m.organizationId === organizationId && roles.includes(m.role));
}

/** Admins, coordinators and mentors of the organisation. */
export const isStaffOf = (viewer: Viewer | null, organizationId: string) =>
  hasRole(viewer, organizationId, STAFF_ROLES);

/** Admins and coordinators: they publish opportunities and decide applications. */
export const isManagerOf = (viewer: Viewer | null, organizationId: string) =>
  hasRole(viewer, organizationId, MANAGER_ROLES);

export const staffOrganizationIds = (viewer: Viewer | null) =>
  viewer?.memberships.filter((m) => STAFF_ROLES.includes(m.role)).map((m) => m.organizationId) ?? [];
