// Me.applications: the volunteer's own sign-ups (the hour logger offers the
// ACCEPTED ones as placements). Only ever the viewer's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, toGlobal } from './harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const MY_APPLICATIONS = /* GraphQL */ `
  query MyApplications($status: ApplicationStatus, $organization: String) {
    me {
      applications(first: 50, status: $status, organization: $organization) {
        totalCount
        edges {
          node {
            id
            status
            opportunity {
              id
              organization {
                slug
              }
            }
          }
        }
      }
    }
  }
`;

interface Result {
  me: {
    applications: {
      totalCount: number;
      edges: { node: { id: string; status: string; opportunity: { id: string; organization: { slug: string } } } }[];
    };
  } | null;
}

describe('Me.applications', () => {
  it("lists the volunteer's own sign-ups, filtered by status and organisation, and nobody else's", async () => {
    // A volunteer with applications in more than one status, so the filter has something to drop.
    const accepted = await api.prisma.application.findFirstOrThrow({
      where: { status: 'ACCEPTED', volunteer: { applications: { some: { status: { not: 'ACCEPTED' } } } } },
      include: { volunteer: true, organization: true },
      orderBy: { id: 'asc' },
    });
    const volunteerId = accepted.volunteerId;
    const own = await api.prisma.application.findMany({ where: { volunteerId } });
    const ownAccepted = own.filter((a) => a.status === 'ACCEPTED');
    expect(ownAccepted.length).toBeLessThan(own.length);
    const token = await api.tokenFor(accepted.volunteer.email);

    const all = await api.data<Result>(MY_APPLICATIONS, {}, { token });
    expect(all.me!.applications.totalCount).toBe(own.length);
    expect(new Set(all.me!.applications.edges.map((e) => e.node.id))).toEqual(
      new Set(own.map((a) => toGlobal('Application', a.id))),
    );

    const acceptedOnly = await api.data<Result>(MY_APPLICATIONS, { status: 'ACCEPTED' }, { token });
    expect(acceptedOnly.me!.applications.totalCount).toBe(ownAccepted.length);
    expect(acceptedOnly.me!.applications.edges.every((e) => e.node.status === 'ACCEPTED')).toBe(true);

    const slug = accepted.organization.slug;
    const inOrganization = await api.data<Result>(
      MY_APPLICATIONS,
      { status: 'ACCEPTED', organization: slug },
      { token },
    );
    expect(inOrganization.me!.applications.totalCount).toBe(
      ownAccepted.filter((a) => a.organizationId === accepted.organizationId).length,
    );
    expect(inOrganization.me!.applications.edges.every((e) => e.node.opportunity.organization.slug === slug)).toBe(
      true,
    );

    // Another person sees only their own (here: none of the first volunteer's).
    const other = await api.prisma.user.create({ data: { email: 'no-applications@example.net', name: 'Nobody' } });
    const otherResult = await api.data<Result>(MY_APPLICATIONS, {}, { token: await api.tokenFor(other.email) });
    expect(otherResult.me!.applications).toMatchObject({ totalCount: 0, edges: [] });

    // Without a session there is no `me` at all.
    expect((await api.data<Result>(MY_APPLICATIONS, {})).me).toBeNull();
  });
});
