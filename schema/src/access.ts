import type { PrismaClient, Role } from '@tandem/db';
import type { RequestApiKey, Viewer } from './context.ts';

/**
 * What can be done in one organisation. Roles grant permissions (below); secret
 * API keys carry a subset of them as scopes; mentors hold some of them only for
 * their own mentees.
 */
export const PERMISSIONS = [
  /** Create, edit, publish and close opportunities; see drafts. */
  'opportunities:write',
  /** See applications, with the applicants' personal data. */
  'applications:read',
  /** Accept, waitlist or decline applications. */
  'applications:decide',
  /** See hour entries, with the volunteers' personal data. */
  'hours:read',
  /** Approve or reject hour entries. */
  'hours:review',
  /** See evaluation responses. */
  'evaluations:read',
  /** Evaluate volunteers (mentor's evaluation) and the organisation. */
  'evaluations:write',
  /** Annual report and other aggregate figures (no personal data). */
  'reports:read',
  /** Add members, change roles, remove members. */
  'members:manage',
  /** Create, list and revoke API keys. */
  'keys:manage',
  /** Erase a volunteer's personal data. */
  'people:erase',
  /** Read the audit log. */
  'audit:read',
  /** Assign volunteers their mentors, end assignments and see all of them. */
  'mentoring:manage',
  /** Record progress on the indicators of projects the organisation leads. */
  'indicators:write',
  /** Create and publish evaluation templates (shared ones: in the project's lead organisation), run rounds, send reminders. */
  'evaluations:manage',
  /** See certificate requests and the register; issue, decline and revoke certificates (ZProst Art. 25). */
  'certificates:issue',
  /** See, make, version and end volunteering agreements (ZProst Art. 18–19). */
  'agreements:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Scopes a secret key may carry: what an integration may do for its organisation. */
export const SECRET_KEY_SCOPES: readonly Permission[] = [
  'opportunities:write',
  'applications:read',
  'applications:decide',
  'hours:read',
  'hours:review',
  'evaluations:read',
  'reports:read',
];

const ADMIN_ONLY: readonly Permission[] = ['members:manage', 'keys:manage', 'people:erase', 'audit:read'];

/** Permissions a role holds over the whole organisation, and over the holder's mentees only. */
export const ROLE_PERMISSIONS: Record<Role, { organization: readonly Permission[]; mentees: readonly Permission[] }> = {
  ADMIN: { organization: PERMISSIONS, mentees: [] },
  COORDINATOR: { organization: PERMISSIONS.filter((p) => !ADMIN_ONLY.includes(p)), mentees: [] },
  MENTOR: {
    organization: [],
    mentees: ['applications:read', 'hours:read', 'hours:review', 'evaluations:read', 'evaluations:write'],
  },
  VOLUNTEER: { organization: [], mentees: [] },
};

const STAFF_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'MENTOR'];
const PROJECT_MANAGER_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR'];

/**
 * The answer to "may this request do X in organisation O (to volunteer V)?",
 * for one request. Database lookups (a mentor's mentees, a project lead's
 * partners) run at most once per request and only when a check needs them.
 */
export class Access {
  private menteeKeys: Promise<Set<string>> | undefined;
  private assignedKeys: Promise<Set<string>> | undefined;
  private partnerOrganizations: Promise<Set<string>> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    readonly viewer: Viewer | null,
    readonly apiKey: RequestApiKey | null,
  ) {}

  /** Granted over the whole organisation by a role or by a secret key's scopes. */
  hasOrganizationWide(permission: Permission, organizationId: string): boolean {
    const byRole = this.viewer?.memberships.some(
      (m) => m.organizationId === organizationId && ROLE_PERMISSIONS[m.role].organization.includes(permission),
    );
    const byKey =
      this.apiKey?.kind === 'SECRET' &&
      this.apiKey.organizationId === organizationId &&
      this.apiKey.scopes.includes(permission);
    return !!byRole || byKey;
  }

  /**
   * Whether the permission holds in the organisation; with `volunteerId`, also
   * through mentoring that volunteer. Aggregate reports also open to the
   * managers of a project's lead organisation for every partner of the project.
   */
  async can(permission: Permission, organizationId: string, volunteerId?: string): Promise<boolean> {
    if (this.hasOrganizationWide(permission, organizationId)) return true;
    if (volunteerId && this.mentorsIn(organizationId, permission)) {
      return (await this.mentees()).has(`${organizationId}:${volunteerId}`);
    }
    if (permission === 'reports:read' && this.viewer) {
      return (await this.projectPartners()).has(organizationId);
    }
    return false;
  }

  /** Organisations where the permission holds organisation-wide (for list filters). */
  organizationsWith(permission: Permission): string[] {
    const ids = new Set(
      this.viewer?.memberships
        .filter((m) => ROLE_PERMISSIONS[m.role].organization.includes(permission))
        .map((m) => m.organizationId),
    );
    if (this.apiKey?.kind === 'SECRET' && this.apiKey.scopes.includes(permission)) ids.add(this.apiKey.organizationId);
    return [...ids];
  }

  /** Volunteers the viewer mentors in the organisation (for list filters). */
  async menteesIn(organizationId: string): Promise<string[]> {
    const prefix = `${organizationId}:`;
    return [...(await this.mentees())].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** Staff see their organisation's drafts and unpublished templates: any staff role, or a secret key. */
  isStaffOf(organizationId: string): boolean {
    return (
      !!this.viewer?.memberships.some((m) => m.organizationId === organizationId && STAFF_ROLES.includes(m.role)) ||
      (this.apiKey?.kind === 'SECRET' && this.apiKey.organizationId === organizationId)
    );
  }

  /** Organisations where the viewer has a staff role or the secret key belongs. */
  staffOrganizationIds(): string[] {
    const ids = new Set(
      this.viewer?.memberships.filter((m) => STAFF_ROLES.includes(m.role)).map((m) => m.organizationId),
    );
    if (this.apiKey?.kind === 'SECRET') ids.add(this.apiKey.organizationId);
    return [...ids];
  }

  /**
   * The viewer is the volunteer's mentor in the organisation now: an assignment
   * covering today (its period has begun and not ended; a pair may have several
   * periods) while the viewer still holds a staff role there. Opportunity
   * mentors do not count: this guards the private learning path.
   */
  async isAssignedMentor(organizationId: string, volunteerId: string): Promise<boolean> {
    if (!this.viewer?.memberships.some((m) => m.organizationId === organizationId && STAFF_ROLES.includes(m.role))) {
      return false;
    }
    return (await this.assignedMentees()).has(`${organizationId}:${volunteerId}`);
  }

  private mentorsIn(organizationId: string, permission: Permission): boolean {
    return !!this.viewer?.memberships.some(
      (m) => m.organizationId === organizationId && ROLE_PERMISSIONS[m.role].mentees.includes(permission),
    );
  }

  /**
   * "organisationId:volunteerId" of everyone the viewer mentors: a current
   * mentor assignment, or an application (not withdrawn or declined) to an
   * opportunity the viewer is the mentor of.
   */
  private mentees(): Promise<Set<string>> {
    this.menteeKeys ??= (async () => {
      const viewerId = this.viewer?.id ?? '';
      const [assigned, applications] = await Promise.all([
        this.assignedMentees(),
        this.prisma.application.findMany({
          where: { opportunity: { mentorId: viewerId }, status: { in: ['PENDING', 'ACCEPTED', 'WAITLISTED'] } },
          select: { organizationId: true, volunteerId: true },
        }),
      ]);
      return new Set([...assigned, ...applications.map((m) => `${m.organizationId}:${m.volunteerId}`)]);
    })();
    return this.menteeKeys;
  }

  /**
   * "organisationId:volunteerId" of the viewer's mentor assignments covering
   * today (dates are UTC calendar days; endsOn is the last day). Assignments
   * that have not started yet or have ended give no rights.
   */
  private assignedMentees(): Promise<Set<string>> {
    this.assignedKeys ??= (async () => {
      if (!this.viewer) return new Set<string>();
      const today = new Date(new Date().toISOString().slice(0, 10));
      const assignments = await this.prisma.mentorAssignment.findMany({
        where: {
          mentorId: this.viewer.id,
          startsOn: { lte: today },
          OR: [{ endsOn: null }, { endsOn: { gte: today } }],
        },
        select: { organizationId: true, volunteerId: true },
      });
      return new Set(assignments.map((m) => `${m.organizationId}:${m.volunteerId}`));
    })();
    return this.assignedKeys;
  }

  /** Partner organisations of projects led by an organisation the viewer manages. */
  private projectPartners(): Promise<Set<string>> {
    this.partnerOrganizations ??= (async () => {
      const managed = (this.viewer?.memberships ?? [])
        .filter((m) => PROJECT_MANAGER_ROLES.includes(m.role))
        .map((m) => m.organizationId);
      if (!managed.length) return new Set<string>();
      const partners = await this.prisma.projectPartner.findMany({
        where: { project: { partners: { some: { organizationId: { in: managed }, role: 'LEAD' } } } },
        select: { organizationId: true },
      });
      return new Set(partners.map((p) => p.organizationId));
    })();
    return this.partnerOrganizations;
  }
}
