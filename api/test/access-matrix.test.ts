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
  // Mentoring and indicators (mentoring.test.ts, indicators.test.ts).
  learningGoal: string;
  assignmentToEnd: string;
  intervisionSession: string;
  manualIndicatorOfB: string;
  // Evaluation templates, rounds, drafts and aggregates (evaluation-*.test.ts).
  evaluation: {
    template: string;
    templateKey: string;
    toEdit: string;
    toPublish: string;
    round: string;
    request: string;
    draft: string;
    lgbtiqProject: string;
  };
  // Certificates and agreements (certificates.test.ts, agreements.test.ts).
  legal: LegalFixture;
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
  // ── the legal record: hour rates, certificates, agreements (annual-report, certificates, agreements tests) ──
  { operation: 'hourRates', document: '{ hourRates { year } }', allowed: EVERYONE },
  {
    operation: 'verifyCertificate',
    document: 'query($code: String!) { verifyCertificate(code: $code) { status } }',
    variables: (f) => ({ code: f.legal.issuedCode }),
    allowed: EVERYONE,
  },
  {
    // Before requestCertificate: only the volunteer has certificates yet.
    operation: 'Me.certificates',
    document: '{ me { certificates { id } } }',
    allowed: ['volunteer'],
    judge: (result, path) =>
      standard(result, [...path, 'me']) === 'allowed' && valueAt(result, ['me', 'certificates']).length > 0
        ? 'allowed'
        : 'denied',
  },
  {
    operation: 'Me.agreements',
    document: '{ me { agreements { id } } }',
    allowed: ['volunteer'],
    judge: (result, path) =>
      standard(result, [...path, 'me']) === 'allowed' && valueAt(result, ['me', 'agreements']).length > 0
        ? 'allowed'
        : 'denied',
  },
  {
    operation: 'Organization.certificates',
    document: 'query($slug: String!) { organization(slug: $slug) { certificates { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['coordinator', 'admin'],
    judge: (result) => standard(result, ['organization', 'certificates']),
  },
  {
    operation: 'Organization.agreements',
    document: 'query($slug: String!) { organization(slug: $slug) { agreements { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['coordinator', 'admin'],
    judge: (result) => standard(result, ['organization', 'agreements']),
  },
  {
    // Anyone linked to the organisation (members too) may ask for a certificate of their own work there.
    operation: 'requestCertificate',
    document: `mutation($input: RequestCertificateInput!) { requestCertificate(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        periodFrom: '2026-01-01',
        periodTo: '2026-01-31',
        idempotencyKey: `matrix-certificate-${actor}`,
      },
    }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'issueCertificate',
    document: `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { certificateId: f.legal.certificateToIssue, description: 'Delo v matriki.' } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'declineCertificate',
    document: `mutation($input: DecideCertificateInput!) { declineCertificate(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { certificateId: f.legal.certificateToDecline, note: 'Ne v matriki.' } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'revokeCertificate',
    document: `mutation($input: DecideCertificateInput!) { revokeCertificate(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { certificateId: f.legal.issuedCertificate, note: 'Preklic v matriki.' } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'createAgreement',
    document: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        volunteerId: actor === 'admin' ? f.legal.newAgreementFor.admin : f.legal.newAgreementFor.coordinator,
        startsOn: '2026-01-01',
        tasks: 'Pomoč v matriki.',
        idempotencyKey: `matrix-agreement-${actor}`,
      },
    }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'reviseAgreement',
    document: `mutation($input: ReviseAgreementInput!) { reviseAgreement(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        agreementId: actor === 'admin' ? f.legal.toRevise.admin : f.legal.toRevise.coordinator,
        tasks: 'Spremenjeno v matriki.',
        idempotencyKey: `matrix-revise-${actor}`,
      },
    }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'activateAgreement',
    document: `mutation($input: ActivateAgreementInput!) { activateAgreement(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { agreementId: f.legal.toActivate } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'endAgreement',
    document: `mutation($input: EndAgreementInput!) { endAgreement(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { agreementId: f.legal.toEnd } }),
    allowed: ['coordinator', 'admin'],
  },
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

  // ── mentoring and indicators ──
  {
    operation: 'assignMentor',
    document: `mutation($input: AssignMentorInput!) { assignMentor(input: $input) { ${RESULT} } }`,
    variables: (f) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        mentorId: toGlobal('Person', f.users.mentor.id),
        volunteerId: toGlobal('Person', f.users.volunteer.id),
        startsOn: '2024-01-01',
        endsOn: '2024-06-30',
      },
    }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'endMentorAssignment',
    document: `mutation($input: EndMentorAssignmentInput!) { endMentorAssignment(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { assignmentId: f.assignmentToEnd, endsOn: '2023-06-30' } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'createLearningGoal',
    document: `mutation($input: CreateLearningGoalInput!) { createLearningGoal(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        volunteerId: toGlobal('Person', f.users.volunteer.id),
        title: 'Voditi delavnico',
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    // The learning path is the volunteer's and their mentor's only.
    allowed: ['volunteer', 'mentor'],
  },
  {
    operation: 'updateLearningGoal',
    document: `mutation($input: UpdateLearningGoalInput!) { updateLearningGoal(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { goalId: f.learningGoal, status: 'IN_PROGRESS' } }),
    allowed: ['volunteer', 'mentor'],
  },
  {
    operation: 'recordIntervisionSession',
    document: `mutation($input: RecordIntervisionSessionInput!) { recordIntervisionSession(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        heldOn: '2026-01-20',
        participantIds: [toGlobal('Person', f.users.mentor.id)],
        topics: ['uvajanje prostovoljcev'],
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    allowed: ['mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'updateIntervisionSession',
    document: `mutation($input: UpdateIntervisionSessionInput!) { updateIntervisionSession(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { id: f.intervisionSession, outcomes: 'Popravljeno.' } }),
    allowed: ['mentor', 'coordinator', 'admin'],
  },
  {
    // B leads the Maribor project: its managers record progress on its hand-kept indicators.
    operation: 'recordIndicatorProgress',
    document: `mutation($input: RecordIndicatorProgressInput!) { recordIndicatorProgress(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        indicatorId: f.manualIndicatorOfB,
        recordedOn: '2020-06-30',
        amount: 1,
        idempotencyKey: `matrix-${actor}`,
      },
    }),
    allowed: ['otherCoordinator', 'otherAdmin'],
  },
  {
    operation: 'node',
    label: 'a learning goal',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.learningGoal }),
    allowed: ['volunteer', 'mentor'],
  },
  {
    operation: 'node',
    label: 'a mentor assignment',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.assignmentToEnd }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'node',
    label: 'an intervision session',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.intervisionSession }),
    allowed: ['mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'Organization.mentorAssignments',
    document: 'query($slug: String!) { organization(slug: $slug) { mentorAssignments { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['coordinator', 'admin'],
    judge: (result) => standard(result, ['organization', 'mentorAssignments']),
  },
  {
    operation: 'Organization.intervisionSessions',
    document: 'query($slug: String!) { organization(slug: $slug) { intervisionSessions { totalCount } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['mentor', 'coordinator', 'admin'],
    judge: (result) => standard(result, ['organization', 'intervisionSessions']),
  },
  {
    operation: 'Organization.staff',
    document: 'query($slug: String!) { organization(slug: $slug) { staff { name } } }',
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: ['mentor', 'coordinator', 'admin'],
    judge: (result) => standard(result, ['organization', 'staff']),
  },
  {
    // A is a partner of the LGBTIQ+ project; B is not in it.
    operation: 'Project.intervisionSessions',
    document: '{ project(slug: "lgbtiq-prostovoljstvo") { intervisionSessions { totalCount } } }',
    allowed: ['mentor', 'coordinator', 'admin'],
    judge: (result) => standard(result, ['project', 'intervisionSessions']),
  },
  {
    operation: 'Project.staff',
    document: '{ project(slug: "lgbtiq-prostovoljstvo") { staff { name } } }',
    allowed: ['mentor', 'coordinator', 'admin'],
    judge: (result) => standard(result, ['project', 'staff']),
  },
  {
    operation: 'Me.learningGoals',
    document: '{ me { learningGoals { totalCount } } }',
    allowed: ['volunteer'],
    judge: nonEmpty(['me', 'learningGoals', 'totalCount']),
  },
  {
    operation: 'Me.mentors',
    document: '{ me { mentors { totalCount } } }',
    allowed: ['volunteer'],
    judge: nonEmpty(['me', 'mentors', 'totalCount']),
  },
  {
    operation: 'Me.mentees',
    document: '{ me { mentees { totalCount } } }',
    allowed: ['mentor'],
    judge: nonEmpty(['me', 'mentees', 'totalCount']),
  },
  {
    operation: 'Me.intervisionSessions',
    document: '{ me { intervisionSessions { totalCount } } }',
    allowed: ['mentor'],
    judge: nonEmpty(['me', 'intervisionSessions', 'totalCount']),
  },
  {
    // Coordinators and admins reach the volunteer through the assignments, but not the learning path.
    operation: 'Person.learningGoals',
    label: "through the organisation's assignments",
    document: `query($slug: String!) { organization(slug: $slug) {
      mentorAssignments { edges { node { volunteer { learningGoals { id } } } } } } }`,
    variables: (f) => ({ slug: f.orgA.slug }),
    allowed: [],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"learningGoals":[{') ? 'allowed' : 'denied'),
  },
  {
    operation: 'Person.learningGoals',
    label: "through one's mentees",
    document: '{ me { mentees { edges { node { volunteer { learningGoals { id } } } } } } }',
    allowed: ['mentor'],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"learningGoals":[{') ? 'allowed' : 'denied'),
  },
  {
    // Figures and amounts are public; what the entries say and who recorded them, for the partnership's staff.
    operation: 'IndicatorProgress.note',
    document: '{ project(slug: "razvoj-prostovoljstva-v-mariboru") { indicators { progress { note } } } }',
    allowed: ['otherCoordinator', 'otherAdmin'],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"note":"') ? 'allowed' : 'denied'),
  },

  // ── evaluation templates, rounds, drafts, aggregates (evaluation-*.test.ts) ──
  {
    operation: 'evaluationDraft',
    document: `query($t: ID!, $o: ID!) { evaluationDraft(templateId: $t, organizationId: $o) { id } }`,
    variables: (f) => ({ t: f.evaluation.template, o: toGlobal('Organization', f.orgA.id) }),
    // Only one's own draft: the volunteer's is nobody else's business, staff included.
    allowed: ['volunteer'],
  },
  {
    operation: 'node',
    label: 'an evaluation draft',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.evaluation.draft }),
    allowed: ['volunteer'],
  },
  {
    operation: 'node',
    label: 'an evaluation request',
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (f) => ({ id: f.evaluation.request }),
    allowed: ['volunteer', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'Me.evaluationRequests',
    document: '{ me { evaluationRequests { id } } }',
    allowed: ['volunteer'],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"evaluationRequests":[{') ? 'allowed' : 'denied'),
  },
  {
    operation: 'EvaluationRound.requests',
    document: 'query($id: ID!) { node(id: $id) { ... on EvaluationRound { requests { id } } } }',
    variables: (f) => ({ id: f.evaluation.round }),
    allowed: ['coordinator', 'admin', 'secretKey'],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"requests":[{') ? 'allowed' : 'denied'),
  },
  {
    operation: 'evaluationRounds',
    document: 'query($o: ID!) { evaluationRounds(organizationId: $o) { id } }',
    variables: (f) => ({ o: toGlobal('Organization', f.orgA.id) }),
    allowed: ['coordinator', 'admin', 'secretKey'],
    judge: (result) => (JSON.stringify(result.data ?? {}).includes('"evaluationRounds":[{') ? 'allowed' : 'denied'),
  },
  {
    operation: 'evaluationAggregate',
    label: 'an organisation',
    document: `query($k: String!, $id: ID!) { evaluationAggregate(templateKey: $k, scope: ORGANIZATION, scopeId: $id) { suppressed } }`,
    variables: (f) => ({ k: f.evaluation.templateKey, id: toGlobal('Organization', f.orgA.id) }),
    allowed: ['coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'evaluationAggregate',
    label: 'across the partnership',
    document: `query($k: String!, $id: ID!) { evaluationAggregate(templateKey: $k, scope: PARTNERSHIP, scopeId: $id) { suppressed } }`,
    variables: (f) => ({ k: f.evaluation.templateKey, id: f.evaluation.lgbtiqProject }),
    // Staff of any partner organisation of the project (A is a partner; B is not).
    allowed: ['mentor', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'competenceGrowth',
    document: `query($o: ID!, $v: ID!) { competenceGrowth(organizationId: $o, volunteerId: $v) { change } }`,
    variables: (f) => ({ o: toGlobal('Organization', f.orgA.id), v: toGlobal('Person', f.users.volunteer.id) }),
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin', 'secretKey'],
  },
  {
    operation: 'saveEvaluationDraft',
    document: `mutation($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { ${RESULT} } }`,
    variables: (f) => ({
      input: { templateId: f.evaluation.template, organizationId: toGlobal('Organization', f.orgA.id), answers: [] },
    }),
    // Whoever may submit the self-evaluation: a volunteer or member of A.
    allowed: ['volunteer', 'mentor', 'coordinator', 'admin'],
  },
  {
    operation: 'createEvaluationTemplate',
    document: `mutation($input: CreateEvaluationTemplateInput!) { createEvaluationTemplate(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        key: `matrix-new-${actor.toLowerCase()}`,
        kind: 'VOLUNTEER_SELF',
        organizationId: toGlobal('Organization', f.orgA.id),
        titleSl: 'Nov vprašalnik',
        titleEn: 'New questionnaire',
        questions: [{ type: 'SCALE', promptSl: 'Kako je bilo?', promptEn: 'How was it?' }],
      },
    }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'updateEvaluationTemplate',
    document: `mutation($input: UpdateEvaluationTemplateInput!) { updateEvaluationTemplate(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { id: f.evaluation.toEdit, titleEn: 'Edited' } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'publishEvaluationTemplate',
    document: `mutation($input: EvaluationTemplateIdInput!) { publishEvaluationTemplate(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { id: f.evaluation.toPublish } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'createEvaluationTemplateVersion',
    document: `mutation($input: CreateEvaluationTemplateVersionInput!) { createEvaluationTemplateVersion(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { templateId: f.evaluation.template } }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'createEvaluationRound',
    document: `mutation($input: CreateEvaluationRoundInput!) { createEvaluationRound(input: $input) { ${RESULT} } }`,
    variables: (f, actor) => ({
      input: {
        organizationId: toGlobal('Organization', f.orgA.id),
        templateId: f.evaluation.template,
        phase: 'START',
        titleSl: 'Začetni krog',
        titleEn: 'Start round',
        opensOn: '2026-01-01',
        dueOn: '2099-12-31',
        respondents: [{ personId: toGlobal('Person', f.users.volunteer.id) }],
        idempotencyKey: `matrix-round-${actor}`,
      },
    }),
    allowed: ['coordinator', 'admin'],
  },
  {
    operation: 'sendEvaluationReminders',
    document: `mutation($input: SendEvaluationRemindersInput!) { sendEvaluationReminders(input: $input) { ${RESULT} } }`,
    variables: (f) => ({ input: { roundId: f.evaluation.round } }),
    allowed: ['coordinator', 'admin'],
  },
];

let api: TestApi;
let fixture: Fixture;

interface LegalFixture {
  issuedCode: string;
  issuedCertificate: string;
  certificateToIssue: string;
  certificateToDecline: string;
  newAgreementFor: { coordinator: string; admin: string };
  toRevise: { coordinator: string; admin: string };
  toActivate: string;
  toEnd: string;
}

/** Organisation A's certificates and agreements for the matrix: one record per mutation that changes state. */
async function legalFixture(orgId: string, volunteerId: string): Promise<LegalFixture> {
  const prisma = api.prisma;
  await prisma.hourLog.create({
    data: {
      volunteerId,
      organizationId: orgId,
      date: new Date('2026-01-15'),
      minutes: 120,
      activity: 'Delavnica',
      areaCode: 'HUMAN_RIGHTS',
      place: 'Ljubljana',
      status: 'APPROVED',
      idempotencyKey: 'matrix-legal-approved',
    },
  });
  await prisma.volunteerAgreement.create({
    data: {
      volunteerId,
      organizationId: orgId,
      status: 'ENDED',
      startsOn: new Date('2020-01-01'),
      endsOn: new Date('2020-12-31'),
      retainUntil: new Date('2030-12-31'),
      tasks: 'Matrix',
    },
  });
  const certificate = (status: 'REQUESTED' | 'ISSUED', extra: Record<string, unknown> = {}) =>
    prisma.certificate.create({
      data: {
        volunteerId,
        organizationId: orgId,
        status,
        periodFrom: new Date('2026-01-01'),
        periodTo: new Date('2026-01-31'),
        ...extra,
      },
    });
  const issuedCode = 'MTRX-0000-0001';
  const issued = await certificate('ISSUED', {
    registerNumber: '2026/900',
    verificationCode: issuedCode,
    minutes: 120,
    issuedAt: new Date('2026-02-01T10:00:00Z'),
    description: 'Matrix',
    snapshot: {
      version: 1,
      locale: 'sl',
      volunteer: { name: 'Matrix volunteer', birthDate: '1990-01-01' },
      organization: { name: 'Matrix', address: null, city: 'Ljubljana', registrationNumber: null },
      period: { from: '2026-01-01', to: '2026-01-31' },
      minutes: 120,
      areas: [],
      workTypes: [],
      description: 'Matrix',
      competences: null,
      issuedBy: { name: 'Matrix', title: null },
      registerNumber: '2026/900',
      verificationCode: issuedCode,
      issuedAt: '2026-02-01T10:00:00.000Z',
    },
  });
  const toIssue = await certificate('REQUESTED');
  const toDecline = await certificate('REQUESTED');
  const member = async (key: string) =>
    (
      await prisma.user.create({
        data: {
          email: `matrix-legal-${key}@example.net`,
          name: `Matrix ${key}`,
          birthDate: new Date('1995-01-01'),
          memberships: { create: { organizationId: orgId, role: 'VOLUNTEER' } },
        },
      })
    ).id;
  const agreement = async (key: string, status: 'ACTIVE' | 'DRAFT') =>
    toGlobal(
      'VolunteerAgreement',
      (
        await prisma.volunteerAgreement.create({
          data: {
            volunteerId: await member(key),
            organizationId: orgId,
            status,
            startsOn: new Date('2026-01-01'),
            tasks: 'Matrix',
          },
        })
      ).id,
    );
  return {
    issuedCode,
    issuedCertificate: toGlobal('Certificate', issued.id),
    certificateToIssue: toGlobal('Certificate', toIssue.id),
    certificateToDecline: toGlobal('Certificate', toDecline.id),
    newAgreementFor: {
      coordinator: toGlobal('Person', await member('new-1')),
      admin: toGlobal('Person', await member('new-2')),
    },
    toRevise: { coordinator: await agreement('revise-1', 'ACTIVE'), admin: await agreement('revise-2', 'ACTIVE') },
    toActivate: await agreement('activate', 'DRAFT'),
    toEnd: await agreement('end', 'ACTIVE'),
  };
}

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

  const learningGoal = await prisma.learningGoal.create({
    data: {
      volunteerId: users.volunteer.id,
      organizationId: orgA.id,
      title: 'Matrix cilj',
      mentorNotes: 'Zasebni zapisek.',
    },
  });
  const assignmentToEnd = await prisma.mentorAssignment.create({
    data: {
      mentorId: users.mentor.id,
      volunteerId: users.volunteer.id,
      organizationId: orgA.id,
      startsOn: new Date('2023-01-01'),
      endsOn: new Date('2023-12-31'),
    },
  });
  const intervisionSession = await prisma.intervisionSession.create({
    data: {
      organizationId: orgA.id,
      heldOn: new Date('2026-01-15'),
      topics: ['matrix'],
      participants: { create: [{ userId: users.mentor.id }] },
    },
  });
  const evalTemplate = (key: string, publishedAt: Date | null) =>
    prisma.evaluationTemplate.create({
      data: {
        key,
        version: 1,
        kind: 'VOLUNTEER_SELF',
        organizationId: orgA.id,
        titleSl: `Matrix ${key}`,
        titleEn: `Matrix ${key}`,
        publishedAt,
        questions: {
          create: [{ position: 0, type: 'SCALE', promptSl: 'Kako?', promptEn: 'How?', scaleMin: 1, scaleMax: 5 }],
        },
      },
    });
  const matrixSelf = await evalTemplate('matrix-self', new Date('2026-01-01'));
  const templateToEdit = await evalTemplate('matrix-to-edit', null);
  const templateToPublish = await evalTemplate('matrix-to-publish', null);
  const evaluationRound = await prisma.evaluationRound.create({
    data: {
      organizationId: orgA.id,
      templateId: matrixSelf.id,
      phase: 'START',
      titleSl: 'Matrix krog',
      titleEn: 'Matrix round',
      opensOn: new Date('2026-01-01'),
      dueOn: new Date('2099-12-31'),
      requests: {
        create: [
          { respondentId: users.volunteer.id, subjectUserId: users.volunteer.id, subjectKey: users.volunteer.id },
        ],
      },
    },
    include: { requests: true },
  });
  const evaluationDraft = await prisma.evaluationDraft.create({
    data: {
      templateId: matrixSelf.id,
      organizationId: orgA.id,
      respondentId: users.volunteer.id,
      subjectUserId: users.volunteer.id,
      subjectKey: users.volunteer.id,
      answers: [],
    },
  });
  const lgbtiqProject = await prisma.project.findUniqueOrThrow({ where: { slug: 'lgbtiq-prostovoljstvo' } });
  const manualIndicatorOfB = await prisma.indicator.findFirstOrThrow({
    where: { project: { partners: { some: { organizationId: orgB.id, role: 'LEAD' } } }, metric: null, kind: 'COUNT' },
  });

  return {
    orgA: { id: orgA.id, slug: orgA.slug },
    orgB: { id: orgB.id, slug: orgB.slug },
    users,
    legal: await legalFixture(orgA.id, users.volunteer.id),
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
    learningGoal: toGlobal('LearningGoal', learningGoal.id),
    assignmentToEnd: toGlobal('MentorAssignment', assignmentToEnd.id),
    intervisionSession: toGlobal('IntervisionSession', intervisionSession.id),
    manualIndicatorOfB: toGlobal('Indicator', manualIndicatorOfB.id),
    evaluation: {
      template: toGlobal('EvaluationTemplate', matrixSelf.id),
      templateKey: matrixSelf.key,
      toEdit: toGlobal('EvaluationTemplate', templateToEdit.id),
      toPublish: toGlobal('EvaluationTemplate', templateToPublish.id),
      round: toGlobal('EvaluationRound', evaluationRound.id),
      request: toGlobal('EvaluationRequest', evaluationRound.requests[0]!.id),
      draft: toGlobal('EvaluationDraft', evaluationDraft.id),
      lgbtiqProject: toGlobal('Project', lgbtiqProject.id),
    },
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
