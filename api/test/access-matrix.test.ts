// Who may do what: every query and mutation of the schema (and the connections
// that expose personal data) against every kind of caller, own organisation
// and other organisation. The table below is the access policy; the first test
// fails when the schema gains an operation the table does not cover.
import { SECRET_KEY_SCOPES, createSession, hashSecret, schema } from '@tandem/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobal, type GraphQLResponse, TestApi, toGlobal } from './harness.ts';

const ACTORS = [
  'anonymous',
  'publishableKey',
  'volunteer',
  'otherVolunteer',
  'mentor',
  'coordinator',
  'otherCoordinator',
  'otherAdmin',
  'secretKey',
  // Last, so destructive calls (erasure, removals) by the allowed caller come after every denied one.
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'allowed' | 'denied';

const SIGNED_IN: Actor[] = [
  'volunteer',
  'otherVolunteer',
  'mentor',
  'coordinator',
  'otherCoordinator',
  'otherAdmin',
  'admin',
];
const MANAGERS: Actor[] = ['coordinator', 'admin', 'secretKey'];
const STAFF: Actor[] = ['mentor', 'coordinator', 'admin', 'secretKey'];
const EVERYONE: Actor[] = [...ACTORS];

/** What the test builds: organisation A (own) with people in every role, organisation B (other). */
interface Fixture {
  orgA: { id: string; slug: string };
  orgB: { id: string; slug: string };
  users: Record<Exclude<Actor, 'anonymous' | 'publishableKey' | 'secretKey'>, { id: string; email: string }>;
  publishableKey: string;
  secretKey: string;
  opportunity: string;
  draft: string;
  draftToPublish: string;
  toClose: string;
  application: string;
  applicationToWithdraw: string;
  hourLog: string;
  evaluationResponse: string;
  apiKeyId: string;
  keyToRevoke: string;
  membershipToChange: string;
  membershipToRemove: string;
  erasable: string;
  selfTemplate: { id: string; answers: { questionId: string; value: unknown }[] };
}

interface Case {
  /** The root field this case exercises (or Type.field for a nested connection). */
  operation: string;
  /** Distinguishes several cases of one operation. */
  label?: string;
  document: string;
  variables?: (f: Fixture, actor: Actor) => Record<string, unknown>;
  allowed: Actor[];
  /** How to read the response; the default is `standard`. */
  judge?: (result: GraphQLResponse, fieldPath: string[]) => Outcome;
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

function valueAt(result: GraphQLResponse, path: string[]): any {
  return path.reduce<any>((value, key) => (value == null ? value : value[key]), result.data);
}

/**
 * Denied: an UNAUTHENTICATED/FORBIDDEN error, null (hidden), NotFoundError or
 * a rule violation; allowed: a payload. Any other error means the case is
 * written wrong, so it fails loudly rather than counting as either.
 */
function standard(result: GraphQLResponse, path: string[]): Outcome {
  if (result.errors?.length) {
    if (result.errors.every((e) => AUTH_CODES.has(String(e.extensions?.code)))) return 'denied';
    throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
  }
  const value = valueAt(result, path);
  if (value === null || value === undefined) return 'denied';
  const typename = value.__typename as string | undefined;
  if (typename === 'NotFoundError' || typename === 'RuleViolationError') return 'denied';
  if (typename?.endsWith('Error')) throw new Error(`Unexpected ${typename}: ${JSON.stringify(value)}`);
  return 'allowed';
}

/** For operations anyone may call: any typed answer (even "wrong code") means the call was let through. */
function reachable(result: GraphQLResponse, path: string[]): Outcome {
  if (result.errors?.some((e) => AUTH_CODES.has(String(e.extensions?.code)))) return 'denied';
  if (result.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
  return valueAt(result, path) == null ? 'denied' : 'allowed';
}

/** Lists that filter instead of refusing: allowed means the list shows organisation A's record. */
const nonEmpty =
  (countPath: string[]) =>
  (result: GraphQLResponse, path: string[]): Outcome => {
    const outcome = standard(result, path);
    return outcome === 'allowed' && Number(valueAt(result, [...path, ...countPath])) > 0 ? 'allowed' : 'denied';
  };

const RESULT = '__typename ... on Error { code }';

const CASES: Case[] = [
  // ── public reads ──
  { operation: 'regions', document: '{ regions { code } }', allowed: EVERYONE },
  { operation: 'areas', document: '{ areas { code } }', allowed: EVERYONE },
  { operation: 'competences', document: '{ competences { code } }', allowed: EVERYONE },
  { operation: 'organizations', document: '{ organizations(first: 1) { edges { cursor } } }', allowed: EVERYONE },
  {
    operation: 'organization',
    document: 'query($slug: String!) { organization(slug: $slug) { name } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: EVERYONE,
  },
  { operation: 'projects', document: '{ projects(first: 1) { edges { cursor } } }', allowed: EVERYONE },
  {
    operation: 'project',
    document: '{ project(slug: "lgbtiq-prostovoljstvo") { name } }',
    allowed: EVERYONE,
  },
  {
    operation: 'opportunities',
    label: 'published',
    document: '{ opportunities(first: 1) { totalCount } }',
    allowed: EVERYONE,
    judge: nonEmpty(['totalCount']),
  },
  {
    operation: 'opportunities',
    label: 'drafts of organisation A',
    document: `query($org: String!) { opportunities(filter: { organization: $org, status: DRAFT }) { totalCount } }`,
    variables: (f) => ({ org: f.orgA.slug }),
    allowed: STAFF,
    judge: nonEmpty(['totalCount']),
  },
  {
    operation: 'opportunity',
    label: 'published',
    document: 'query($id: ID!) { opportunity(id: $id) { title } }',
    variables: (f) => ({ id: f.opportunity }),
    allowed: EVERYONE,
  },
  {
    operation: 'opportunity',
    label: 'draft',
    document: 'query($id: ID!) { opportunity(id: $id) { title } }',
    variables: (f) => ({ id: f.draft }),
    allowed: STAFF,
  },
  {
    operation: 'evaluationTemplates',
    document: '{ evaluationTemplates { id } }',
    allowed: EVERYONE,
  },
  {
    operation: 'evaluationTemplate',
    document: 'query($id: ID!) { evaluationTemplate(id: $id) { title } }',
    variables: (f) => ({ id: f.selfTemplate.id }),
    allowed: EVERYONE,
  },

  // ── one's own data ──
  { operation: 'me', document: '{ me { name } }', allowed: SIGNED_IN },
  { operation: 'myHourLogs', document: '{ myHourLogs { totalCount } }', allowed: SIGNED_IN },
  { operation: 'hourSummary', document: '{ hourSummary(year: 2026) { year } }', allowed: SIGNED_IN },
  { operation: 'exportMyData', document: '{ exportMyData }', allowed: SIGNED_IN },

  // ── records with personal data, by id (IDOR) ──
  {
    operation: 'node',
    label: 'an application',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.application }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'node',
    label: 'an hour entry',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.hourLog }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'node',
    label: 'an evaluation response',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.evaluationResponse }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'node',
    label: 'a person (Me)',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: toGlobal('Me', f.users.volunteer.id) }),
    allowed: ['volunteer'],
  },
  {
    operation: 'node',
    label: 'an API key',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.apiKeyId }),
    allowed: ['admin'],
  },
  {
    operation: 'nodes',
    document: 'query($id: ID!) { nodes(ids: [$id]) { id } }',
    variables: (f) => ({ id: f.application }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin', 'secretKey'],
    judge: (result, path) => standard(result, [...path, '0']),
  },
  {
    operation: 'Opportunity.applications',
    document: 'query($id: ID!) { opportunity(id: $id) { applications { totalCount } } }',
    variables: (f) => ({ id: f.opportunity }),
    allowed: ['mentor', 'coordinator', 'admin', 'secretKey'],
    judge: (result) => standard(result, ['opportunity', 'applications']),
  },
  {
    operation: 'Organization.hourLogs',
    document: 'query($slug: String!) { organization(slug: $slug) { hourLogs { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: MANAGERS,
    judge: (result) => standard(result, ['organization', 'hourLogs']),
  },
  {
    operation: 'Organization.members',
    document: 'query($slug: String!) { organization(slug: $slug) { members { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['admin'],
    judge: (result) => standard(result, ['organization', 'members']),
  },
  {
    operation: 'Organization.apiKeys',
    document: 'query($slug: String!) { organization(slug: $slug) { apiKeys { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['admin'],
    judge: (result) => standard(result, ['organization', 'apiKeys']),
  },
  {
    operation: 'Organization.auditLog',
    document: 'query($slug: String!) { organization(slug: $slug) { auditLog { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['admin'],
    judge: (result) => standard(result, ['organization', 'auditLog']),
  },
  {
    operation: 'hourLogsToReview',
    document: 'query($org: String!) { hourLogsToReview(organization: $org) { totalCount } }',
    variables: (f) => ({ org: f.orgA.slug }),
    allowed: STAFF,
    judge: nonEmpty(['totalCount']),
  },
  {
    operation: 'annualReport',
    document: 'query($org: String!) { annualReport(organizationSlug: $org, year: 2026) { year } }',
    variables: (f) => ({ org: f.orgA.slug }),
    allowed: MANAGERS,
  },

  // ── accounts ──
  {
    operation: 'signUp',
    document: `mutation($input: SignUpInput!) { signUp(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        opportunityId: f.opportunity,
        name: 'Nova Prostovoljka',
        email: `signup-${actor}@example.net`,
        birthDate: '1999-05-05',
        consent: { dataProcessing: true },
      },
    }),
    allowed: EVERYONE,
  },
  {
    operation: 'signIn',
    document: `mutation($input: SignInInput!) { signIn(input: $input) { ${RESULT} } }`,
    // One address per caller: sign-in attempts are rate-limited per address.
    variables: (f, actor) => ({ input: { email: `nobody-${actor}@example.net`, password: 'not the password' } }),
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    operation: 'requestSignInCode',
    document: `mutation($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({ input: { email: `code-${actor}@example.net` } }),
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    operation: 'signInWithCode',
    document: `mutation($input: SignInWithCodeInput!) { signInWithCode(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({ input: { email: `nocode-${actor}@example.net`, code: '000000' } }),
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    operation: 'signInWithLink',
    document: `mutation($input: SignInWithLinkInput!) { signInWithLink(input: $input) { ${RESULT} } }`,
    variables: () => ({ input: { token: 'tl_not-a-real-token' } }),
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    // Without a session it ends nothing and says so (safe to retry after the token is gone).
    operation: 'signOut',
    document: `mutation { signOut(input: {}) { ${RESULT} } }`,
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    operation: 'signOutEverywhere',
    document: 'mutation { signOutEverywhere(input: {}) { __typename } }',
    allowed: EVERYONE,
    judge: reachable,
  },
  {
    operation: 'setPassword',
    document: `mutation($input: SetPasswordInput!) { setPassword(input: $input) { ${RESULT} } }`,
    variables: () => ({ input: { newPassword: 'a long enough new password' } }),
    allowed: SIGNED_IN,
  },
  {
    // A wrong confirmation is refused after the session check: reaching it proves the caller was let in.
    operation: 'eraseMe',
    document: `mutation($input: EraseMeInput!) { eraseMe(input: $input) { ${RESULT} } }`,
    variables: () => ({ input: { confirmEmail: 'certainly-not-me@example.net' } }),
    allowed: SIGNED_IN,
    judge: (result, path) =>
      valueAt(result, path)?.__typename === 'ValidationError' ? 'allowed' : standard(result, path),
  },
  {
    operation: 'erasePerson',
    document: `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { organizationId: toGlobal('Organization', f.orgA.id), personId: f.erasable } }),
    allowed: ['admin'],
  },

  // ── volunteering ──
  {
    operation: 'logHours',
    document: `mutation($input: LogHoursInput!) { logHours(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        date: '2026-03-02',
        minutes: 60,
        activity: 'Pomoč na stojnici',
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    // Staff are members of A, so they may log their own volunteer hours there.
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'reviewHourLog',
    document: `mutation($input: ReviewHourLogInput!) { reviewHourLog(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { hourLogId: f.hourLog, decision: 'APPROVE' } }),
    allowed: STAFF,
  },
  {
    operation: 'withdrawApplication',
    document: `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { applicationId: f.applicationToWithdraw } }),
    allowed: ['volunteer'],
  },
  {
    operation: 'decideApplication',
    document: `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { applicationId: f.application, decision: 'WAITLIST' } }),
    allowed: MANAGERS,
  },
  {
    operation: 'submitEvaluation',
    document: `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        templateId: f.selfTemplate.id,
        organizationId: toGlobal('Organization', f.orgA.id),
        answers: f.selfTemplate.answers,
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    // A self-evaluation: whoever volunteers with (or works at) organisation A.
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin'],
  },

  // ── coordinators ──
  {
    operation: 'createOpportunity',
    document: `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        slug: `matrix-${actor.toLowerCase()}`,
        titleSl: 'Nova priložnost',
        descriptionSl: 'Opis nove priložnosti za prostovoljce.',
        areaCode: 'HUMAN_RIGHTS',
        regionCode: 'osrednjeslovenska',
      },
    }),
    allowed: MANAGERS,
  },
  {
    operation: 'updateOpportunity',
    document: `mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { id: f.draft, titleSl: 'Popravljen naslov' } }),
    allowed: MANAGERS,
  },
  {
    operation: 'publishOpportunity',
    document: `mutation($id: ID!) { publishOpportunity(input: { id: $id }) { ${RESULT} } }`,
    variables: (f) => ({ id: f.draftToPublish }),
    allowed: MANAGERS,
  },
  {
    operation: 'closeOpportunity',
    document: `mutation($id: ID!) { closeOpportunity(input: { id: $id }) { ${RESULT} } }`,
    variables: (f) => ({ id: f.toClose }),
    allowed: MANAGERS,
  },

  // ── administration ──
  {
    operation: 'createApiKey',
    document: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        kind: 'SECRET',
        label: 'Matrix integration',
        scopes: ['reports:read'],
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    allowed: ['admin'],
  },
  {
    operation: 'revokeApiKey',
    document: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { apiKeyId: f.keyToRevoke } }),
    allowed: ['admin'],
  },
  {
    operation: 'addMember',
    document: `mutation($input: AddMemberInput!) { addMember(input: $input) { ${RESULT} } }`,
    variables: (f) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        email: 'new-mentor@example.net',
        name: 'Nova Mentorica',
        role: 'MENTOR',
      },
    }),
    allowed: ['admin'],
  },
  {
    operation: 'changeMemberRole',
    document: `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { membershipId: f.membershipToChange, role: 'COORDINATOR' } }),
    allowed: ['admin'],
  },
  {
    operation: 'removeMember',
    document: `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { membershipId: f.membershipToRemove } }),
    allowed: ['admin'],
  },
];

let api: TestApi;
let fixture: Fixture;

async function buildFixture(): Promise<Fixture> {
  const prisma = api.prisma;
  // A is a partner (not the lead) of its project, and B leads no project A is in,
  // so B's managers have no project-coordinator view of A.
  const orgA = await prisma.organization.findUniqueOrThrow({ where: { slug: 'drustvo-legebitra' } });
  const orgB = await prisma.organization.findUniqueOrThrow({ where: { slug: 'pekarna-magdalenske-mreze' } });
  const person = async (
    key: string,
    memberships: { organizationId: string; role: 'ADMIN' | 'COORDINATOR' | 'MENTOR' | 'VOLUNTEER' }[],
  ) =>
    prisma.user.create({
      data: {
        email: `matrix-${key.toLowerCase()}@example.net`,
        name: `Matrix ${key}`,
        birthDate: new Date('1990-01-01'),
        memberships: { create: memberships },
      },
    });
  const users = {
    volunteer: await person('volunteer', [{ organizationId: orgA.id, role: 'VOLUNTEER' }]),
    otherVolunteer: await person('otherVolunteer', []),
    mentor: await person('mentor', [{ organizationId: orgA.id, role: 'MENTOR' }]),
    coordinator: await person('coordinator', [{ organizationId: orgA.id, role: 'COORDINATOR' }]),
    admin: await person('admin', [{ organizationId: orgA.id, role: 'ADMIN' }]),
    otherCoordinator: await person('otherCoordinator', [{ organizationId: orgB.id, role: 'COORDINATOR' }]),
    otherAdmin: await person('otherAdmin', [{ organizationId: orgB.id, role: 'ADMIN' }]),
  };
  await prisma.mentorAssignment.create({
    data: {
      mentorId: users.mentor.id,
      volunteerId: users.volunteer.id,
      organizationId: orgA.id,
      startsOn: new Date('2026-01-01'),
    },
  });

  const publishableKey = 'pk_test_matrix_publishable';
  const secretKey = 'sk_test_matrix_secret';
  const keyRow = await prisma.apiKey.create({
    data: {
      organizationId: orgA.id,
      kind: 'PUBLISHABLE',
      label: 'Matrix widget',
      prefix: publishableKey.slice(0, 12),
      keyHash: hashSecret(publishableKey),
      allowedOrigins: ['https://partner.example'],
      scopes: [],
    },
  });
  await prisma.apiKey.create({
    data: {
      organizationId: orgA.id,
      kind: 'SECRET',
      label: 'Matrix integration',
      prefix: secretKey.slice(0, 12),
      keyHash: hashSecret(secretKey),
      allowedOrigins: [],
      scopes: [...SECRET_KEY_SCOPES],
    },
  });
  const keyToRevoke = await prisma.apiKey.create({
    data: {
      organizationId: orgA.id,
      kind: 'SECRET',
      label: 'To revoke',
      prefix: 'sk_test_revo',
      keyHash: hashSecret('sk_test_matrix_to_revoke'),
      allowedOrigins: [],
      scopes: ['reports:read'],
    },
  });

  const opportunity = (slug: string, status: 'DRAFT' | 'PUBLISHED') =>
    prisma.opportunity.create({
      data: {
        organizationId: orgA.id,
        slug,
        titleSl: `Matrix ${slug}`,
        descriptionSl: 'Priložnost za preverjanje dostopa.',
        areaCode: 'HUMAN_RIGHTS',
        regionCode: 'osrednjeslovenska',
        status,
        mentorId: users.mentor.id,
        startsAt: new Date('2027-05-01T10:00:00Z'),
        publishedAt: status === 'PUBLISHED' ? new Date() : null,
      },
    });
  const open = await opportunity('matrix-open', 'PUBLISHED');
  const other = await opportunity('matrix-other', 'PUBLISHED');
  const draft = await opportunity('matrix-draft', 'DRAFT');
  const draftToPublish = await opportunity('matrix-to-publish', 'DRAFT');
  const toClose = await opportunity('matrix-to-close', 'PUBLISHED');

  const application = await prisma.application.create({
    data: {
      opportunityId: open.id,
      organizationId: orgA.id,
      volunteerId: users.volunteer.id,
      status: 'PENDING',
      answers: [],
    },
  });
  const applicationToWithdraw = await prisma.application.create({
    data: {
      opportunityId: other.id,
      organizationId: orgA.id,
      volunteerId: users.volunteer.id,
      status: 'PENDING',
      answers: [],
    },
  });
  const hourLog = await prisma.hourLog.create({
    data: {
      volunteerId: users.volunteer.id,
      organizationId: orgA.id,
      date: new Date('2026-02-02'),
      minutes: 90,
      activity: 'Delavnica',
      workType: 'CONTENT',
      areaCode: 'HUMAN_RIGHTS',
      idempotencyKey: 'matrix-fixture',
    },
  });

  const template = await prisma.evaluationTemplate.findFirstOrThrow({
    where: {
      kind: 'VOLUNTEER_SELF',
      publishedAt: { not: null },
      retiredAt: null,
      OR: [{ organizationId: orgA.id }, { project: { partners: { some: { organizationId: orgA.id } } } }],
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const answers = template.questions.map((q) => {
    const options = (q.options as { value: string }[] | null) ?? [];
    switch (q.type) {
      case 'SCALE':
      case 'COMPETENCE':
        return { questionId: q.id, value: q.scaleMax ?? 5 };
      case 'SINGLE_CHOICE':
        return { questionId: q.id, value: options[0]!.value };
      case 'MULTIPLE_CHOICE':
        return { questionId: q.id, value: [options[0]!.value] };
      default:
        return { questionId: q.id, value: 'Veliko sem se naučila.' };
    }
  });
  const response = await prisma.evaluationResponse.create({
    data: {
      templateId: template.id,
      organizationId: orgA.id,
      respondentId: users.volunteer.id,
      subjectUserId: users.volunteer.id,
      answers: [],
      idempotencyKey: 'matrix-fixture',
    },
  });

  const changeable = await person('changeable', [{ organizationId: orgA.id, role: 'MENTOR' }]);
  const removable = await person('removable', [{ organizationId: orgA.id, role: 'MENTOR' }]);
  const erasable = await person('erasable', []);
  await prisma.application.create({
    data: {
      opportunityId: other.id,
      organizationId: orgA.id,
      volunteerId: erasable.id,
      status: 'PENDING',
      answers: [],
    },
  });
  const membershipOf = async (userId: string) =>
    (await prisma.membership.findFirstOrThrow({ where: { userId, organizationId: orgA.id } })).id;

  return {
    orgA: { id: orgA.id, slug: orgA.slug },
    orgB: { id: orgB.id, slug: orgB.slug },
    users,
    publishableKey,
    secretKey,
    opportunity: toGlobal('Opportunity', open.id),
    draft: toGlobal('Opportunity', draft.id),
    draftToPublish: toGlobal('Opportunity', draftToPublish.id),
    toClose: toGlobal('Opportunity', toClose.id),
    application: toGlobal('Application', application.id),
    applicationToWithdraw: toGlobal('Application', applicationToWithdraw.id),
    hourLog: toGlobal('HourLog', hourLog.id),
    evaluationResponse: toGlobal('EvaluationResponse', response.id),
    apiKeyId: toGlobal('ApiKey', keyRow.id),
    keyToRevoke: toGlobal('ApiKey', keyToRevoke.id),
    membershipToChange: toGlobal('Member', await membershipOf(changeable.id)),
    membershipToRemove: toGlobal('Member', await membershipOf(removable.id)),
    erasable: toGlobal('Person', erasable.id),
    selfTemplate: { id: toGlobal('EvaluationTemplate', template.id), answers },
  };
}

/** Headers for a caller; each call gets a fresh session, so sign-outs in one case do not leak into the next. */
async function headersFor(actor: Actor): Promise<Record<string, string>> {
  switch (actor) {
    case 'anonymous':
      return {};
    case 'publishableKey':
      return { 'x-tandem-key': fixture.publishableKey, origin: 'https://partner.example' };
    case 'secretKey':
      return { 'x-tandem-key': fixture.secretKey };
    default:
      return { authorization: `Bearer ${await createSession(api.prisma, fixture.users[actor].id)}` };
  }
}

beforeAll(async () => {
  api = await TestApi.start();
  fixture = await buildFixture();
}, 120_000);
afterAll(() => api.close());

describe('the access matrix', () => {
  it('covers every query and mutation of the schema, and nothing that is not in it', () => {
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    const covered = new Set(CASES.map((c) => c.operation).filter((o) => !o.includes('.')));
    expect(
      operations.filter((o) => !covered.has(o)),
      'operations without an entry in CASES',
    ).toEqual([]);
    expect(
      [...covered].filter((o) => !operations.includes(o)),
      'entries for operations that do not exist',
    ).toEqual([]);
  });

  for (const entry of CASES) {
    it(`${entry.operation}${entry.label ? ` (${entry.label})` : ''}`, async () => {
      const fieldPath = [entry.operation.includes('.') ? '' : entry.operation].filter(Boolean);
      const outcomes: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const actor of ACTORS) {
        const result = await api.gql(entry.document, entry.variables?.(fixture, actor) ?? {}, {
          headers: await headersFor(actor),
        });
        outcomes[actor] = (entry.judge ?? standard)(result, fieldPath);
        expected[actor] = entry.allowed.includes(actor) ? 'allowed' : 'denied';
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

describe('partnership projects', () => {
  it("let the lead organisation's managers read partners' aggregate figures, not their volunteers' data", async () => {
    // Društvo Parada ponosa leads the LGBTIQ+ project in which Legebitra is a partner.
    const lead = await api.prisma.organization.findUniqueOrThrow({ where: { slug: 'drustvo-parada-ponosa' } });
    const leadCoordinator = await api.prisma.user.create({
      data: {
        email: 'lead-coordinator@example.net',
        name: 'Koordinatorka projekta',
        memberships: { create: { organizationId: lead.id, role: 'COORDINATOR' } },
      },
    });
    const token = await createSession(api.prisma, leadCoordinator.id);
    const report = await api.gql(
      'query($org: String!) { annualReport(organizationSlug: $org, year: 2019) { year totalMinutes } }',
      { org: fixture.orgA.slug },
      { token },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.annualReport).toMatchObject({ year: 2019 });

    const people = await api.gql(
      'query($slug: String!, $id: ID!) { organization(slug: $slug) { hourLogs { totalCount } } node(id: $id) { id } }',
      { slug: fixture.orgA.slug, id: fixture.application },
      { token },
    );
    expect(people.data?.node).toBeNull();
    expect(people.data?.organization).toBeNull();
    expect(people.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('records who decided, through which key, for the admins to read', async () => {
    const result = await api.data(
      `query($slug: String!) { organization(slug: $slug) { auditLog(action: "application.decide") {
        edges { node { action subjectType subjectId actor { name } apiKeyPrefix details } } } } }`,
      { slug: fixture.orgA.slug },
      { headers: await headersFor('admin') },
    );
    const entries = result.organization.auditLog.edges
      .map((e: { node: { subjectId: string } }) => e.node)
      .filter((entry: { subjectId: string }) => entry.subjectId === fromGlobal(fixture.application));
    // The matrix above let the coordinator, then the secret key and the admin waitlist the same
    // application; only the first decision changed it, so only that one was recorded.
    expect(entries).toEqual([
      {
        action: 'application.decide',
        subjectType: 'Application',
        subjectId: fromGlobal(fixture.application),
        actor: { name: 'Matrix coordinator' },
        apiKeyPrefix: null,
        details: { from: 'PENDING', to: 'WAITLISTED' },
      },
    ]);

    const keyUse = await api.data(
      `query($slug: String!) { organization(slug: $slug) { auditLog(action: "apiKey.use") {
        edges { node { actor { name } apiKeyPrefix } } } } }`,
      { slug: fixture.orgA.slug },
      { headers: await headersFor('admin') },
    );
    expect(keyUse.organization.auditLog.edges.length).toBeGreaterThan(0);
    for (const { node } of keyUse.organization.auditLog.edges) {
      expect(node).toEqual({ actor: null, apiKeyPrefix: fixture.secretKey.slice(0, 12) });
    }
  });
});
