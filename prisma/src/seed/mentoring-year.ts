// The last year of mentoring (December 2025 – November 2026) in both
// partnerships, which kept meeting after their projects ended: monthly
// intervision for the mentors (August off), learning goals whose status changes
// over the year (each change in the audit log, as the API records it), and the
// audit trail of the year's mentor assignments.
import type { Prisma } from '../../generated/client/client.ts';
import type { LearningGoalStatus } from '../../generated/client/enums.ts';
import { at, day, DEMO_TODAY, orgId, stableId } from './ids.ts';
import { mentorAssignments } from './mentoring.ts';
import type { OrgSlug } from './organizations.ts';
import { intervisionId } from './projects.ts';
import type { CompetenceCode } from './reference.ts';
import { STAFF, staffId } from './staff.ts';
import { volunteer, volunteerEmail, volunteerId } from './volunteers.ts';

export const YEAR_FROM = '2025-12-01';

// ─────────────── intervision ───────────────

interface SessionDef {
  heldOn: string;
  org: OrgSlug;
  facilitator: string;
  participants: string[];
  topics: string[];
  outcomes: string;
}

const MARIBOR_MENTORS = ['luka.horvat', 'tina.kranjc', 'rok.zupan', 'petra.golob'];

/** At the lead of the Maribor network, facilitated by its coordinator (March and October are in maribor.ts). */
const maribor = (heldOn: string, topics: string[], outcomes: string, absent?: string): SessionDef => ({
  heldOn,
  org: 'pekarna-magdalenske-mreze',
  facilitator: 'maja.vidmar',
  participants: MARIBOR_MENTORS.filter((m) => m !== absent),
  topics,
  outcomes,
});

const LGBTIQ_MENTORS = ['matej.vrhovnik', 'sara.hribar', 'jan.mlakar'];

/** Joint intervision of Legebitra and Parada ponosa, in turn; Slovenska filantropija facilitates once a quarter. */
const lgbtiq = (heldOn: string, host: 'legebitra' | 'parada' | 'filantropija', topics: string[], outcomes: string) => {
  const facilitator = host === 'parada' ? 'nika.potocnik' : host === 'legebitra' ? 'ana.kos' : 'urska.kolar';
  const coordinators = ['ana.kos', 'nika.potocnik'].filter((c) => c !== facilitator);
  return {
    heldOn,
    org: host === 'parada' ? 'drustvo-parada-ponosa' : 'drustvo-legebitra',
    facilitator,
    participants: [...LGBTIQ_MENTORS, ...coordinators],
    topics,
    outcomes,
  } satisfies SessionDef;
};

const SESSIONS: SessionDef[] = [
  maribor(
    '2025-12-09',
    ['priznavanje prostovoljskega dela ob koncu leta', 'potrdila o prostovoljskem delu'],
    'Dogovorili smo se za enoten postopek izdaje potrdil in za zahvalo prostovoljcem ob mednarodnem dnevu prostovoljstva.',
  ),
  maribor(
    '2026-01-20',
    ['letni načrt mentorstva', 'zastavljanje učnih ciljev s prostovoljci'],
    'Vsak mentor je pripravil osnutek letnega načrta; učne cilje bomo s prostovoljci pregledali do konca februarja.',
  ),
  maribor(
    '2026-02-17',
    ['težavni pogovori s prostovoljci', 'meje mentorjeve vloge'],
    'Z igro vlog smo vadili pogovor o neopravljenih nalogah in pripravili skupni seznam virov pomoči.',
    'petra.golob',
  ),
  maribor(
    '2026-04-14',
    ['vključevanje prostovoljcev s posebnimi potrebami', 'dostopnost dejavnosti'],
    'Partnerice bodo do junija pregledale dostopnost prostorov in gradiv.',
  ),
  maribor(
    '2026-05-19',
    ['vmesna evalvacija z enotnim modelom', 'povratna informacija prostovoljcem'],
    'Vmesno samoevalvacijo izvedemo junija, rezultate predstavimo na naslednjem srečanju.',
  ),
  maribor(
    '2026-06-16',
    ['rezultati junijske samoevalvacije', 'načrt dela čez poletje'],
    'Največjo rast so prostovoljci pokazali pri osebnih in socialnih kompetencah; poleti mentorstvo poteka po dogovoru.',
    'rok.zupan',
  ),
  maribor(
    '2026-07-07',
    ['poletne aktivnosti in varnost', 'nadomeščanje med dopusti'],
    'Pripravili smo razpored nadomeščanj mentorjev med dopusti.',
    'tina.kranjc',
  ),
  maribor(
    '2026-09-15',
    ['uvajanje novih prostovoljcev v novem šolskem letu', 'mladoletni prostovoljci'],
    'Posodobili smo seznam korakov za uvajanje in predlogo soglasja staršev.',
  ),
  maribor(
    '2026-11-17',
    ['priprava letnega poročila AJPES', 'evidenca ur in vrednotenje dela'],
    'Preverili smo evidence ur za letno poročilo; popravke uredimo do 15. decembra.',
  ),
  lgbtiq(
    '2025-12-10',
    'filantropija',
    ['podpora prostovoljkam_cem v stiski', 'skrb zase za mentorice_je'],
    'Dopolnili smo protokol za primere, ko prostovoljka_ec potrebuje dodatno podporo.',
  ),
  lgbtiq(
    '2026-01-14',
    'parada',
    ['načrtovanje leta in festivala', 'osebne učne poti'],
    'Mentorice_ji bodo do konca januarja z mentoriranci pregledali učne cilje.',
  ),
  lgbtiq(
    '2026-02-11',
    'legebitra',
    ['delo z mladoletnimi prostovoljkami_ci', 'soglasja staršev in zaupnost'],
    'Uskladili smo obvestilo za starše in postopek ob umiku soglasja.',
  ),
  lgbtiq(
    '2026-03-11',
    'filantropija',
    ['terensko delo v regijah', 'mentorstvo na daljavo'],
    'Mentorji na terenu bodo enkrat na mesec imeli videoklic s prostovoljkami_ci v Kopru, Brežicah, Mariboru in na Jesenicah.',
  ),
  lgbtiq(
    '2026-04-15',
    'parada',
    ['priprava redarjev za povorko', 'varnost na javnih dogodkih'],
    'Pripravili smo usposabljanje za redarje in kontrolni seznam za dan povorke.',
  ),
  lgbtiq(
    '2026-05-13',
    'legebitra',
    ['vmesna refleksija učne poti', 'priznavanje kompetenc (Youthpass)'],
    'Refleksijo učne poti bodo prostovoljke_ci izpolnili junija.',
  ),
  lgbtiq(
    '2026-06-10',
    'parada',
    ['izkušnje s festivala', 'izgorelost med prostovoljkami_ci'],
    'Po festivalu z vsako_im prostovoljko_cem opravimo kratek pogovor o obremenitvi.',
  ),
  lgbtiq(
    '2026-07-08',
    'legebitra',
    ['zaključek šolskega leta', 'poletni premor mentorstva'],
    'Dogovorili smo se za poletni premor in za stik v nujnih primerih.',
  ),
  lgbtiq(
    '2026-09-09',
    'filantropija',
    ['novi prostovoljci jeseni', 'predaja mentorstva med sodelavci'],
    'Pripravili smo predlogo za predajo mentorstva, da se učna pot ob menjavi mentorja ne prekine.',
  ),
  lgbtiq(
    '2026-10-14',
    'parada',
    ['ulične akcije in odzivi javnosti', 'podpora po neprijetnih izkušnjah'],
    'Po vsaki ulični akciji ima ekipa kratek razbremenilni pogovor.',
  ),
  lgbtiq(
    '2026-11-11',
    'legebitra',
    ['letna evalvacija mentorstva', 'načrt usposabljanj za leto 2027'],
    'Zbrali smo predloge za usposabljanja; načrt bo pripravljen do januarja.',
  ),
];

// ─────────────── learning goals over the year ───────────────

type Step = [date: string, status: LearningGoalStatus, by: string];

interface YearGoal {
  handle: string;
  org: OrgSlug;
  title: string;
  description: string;
  competence: CompetenceCode;
  targetDate: string;
  /** The first step creates the goal; each later one changes its status. */
  steps: Step[];
  mentorNotes?: string;
}

const LEGEBITRA = 'drustvo-legebitra';
const PARADA = 'drustvo-parada-ponosa';

const GOALS: YearGoal[] = [
  {
    handle: 'zan.kralj',
    org: LEGEBITRA,
    title: 'Voditi srečanje kluba v Kopru',
    description: 'Pripraviti program in samostojno voditi eno srečanje mladinskega kluba.',
    competence: 'ENTREPRENEURSHIP',
    targetDate: '2026-05-31',
    steps: [
      ['2025-12-03', 'PLANNED', 'matej.vrhovnik'],
      ['2026-02-10', 'IN_PROGRESS', 'zan.kralj'],
      ['2026-05-20', 'ACHIEVED', 'matej.vrhovnik'],
    ],
    mentorNotes: 'Srečanje je vodil samostojno; udeleženci so pohvalili uvodno igro.',
  },
  {
    handle: 'filip.vogrin',
    org: LEGEBITRA,
    title: 'Napisati prispevek za šolski časopis',
    description: 'Predstaviti delo kluba v kratkem prispevku za šolski časopis.',
    competence: 'LITERACY',
    targetDate: '2026-04-30',
    steps: [
      ['2026-01-12', 'PLANNED', 'filip.vogrin'],
      ['2026-03-02', 'IN_PROGRESS', 'filip.vogrin'],
      ['2026-04-28', 'ACHIEVED', 'matej.vrhovnik'],
    ],
  },
  {
    handle: 'anze.cerar',
    org: LEGEBITRA,
    title: 'Naučiti se voditi pogovor v skupini',
    description: 'Voditi uvodni krog in pogovor ob koncu srečanja kluba v Brežicah.',
    competence: 'PERSONAL_SOCIAL_LEARNING',
    targetDate: '2027-03-31',
    steps: [
      ['2025-12-15', 'PLANNED', 'matej.vrhovnik'],
      ['2026-03-09', 'IN_PROGRESS', 'anze.cerar'],
    ],
    mentorNotes: 'Napreduje; naslednjič naj sam vodi uvodni krog.',
  },
  {
    handle: 'tjasa.medved',
    org: LEGEBITRA,
    title: 'Pripraviti kviz o človekovih pravicah',
    description: 'Pripraviti kviz za srečanje kluba v Mariboru.',
    competence: 'CITIZENSHIP',
    targetDate: '2026-06-30',
    steps: [
      ['2026-01-20', 'PLANNED', 'tjasa.medved'],
      ['2026-02-16', 'IN_PROGRESS', 'tjasa.medved'],
      ['2026-06-08', 'DROPPED', 'sara.hribar'],
    ],
    mentorNotes: 'Kviz pripravi skupina; Tjaša se je raje posvetila stojnici na ulični akciji.',
  },
  {
    handle: 'ela.zajc',
    org: LEGEBITRA,
    title: 'Spoznati osnove prve psihološke pomoči',
    description: 'Udeležiti se delavnice in se pogovoriti z mentorico o tem, kdaj poiskati pomoč.',
    competence: 'PERSONAL_SOCIAL_LEARNING',
    targetDate: '2027-01-31',
    steps: [
      ['2026-06-22', 'PLANNED', 'sara.hribar'],
      ['2026-10-05', 'IN_PROGRESS', 'ela.zajc'],
    ],
  },
  {
    handle: 'gal.sinkovec',
    org: LEGEBITRA,
    title: 'Mentorirati novega prostovoljca v klubu',
    description: 'Spremljati novega prostovoljca prve tri mesece in mu dajati povratno informacijo.',
    competence: 'PERSONAL_SOCIAL_LEARNING',
    targetDate: '2027-03-31',
    steps: [
      ['2026-06-15', 'PLANNED', 'matej.vrhovnik'],
      ['2026-09-21', 'IN_PROGRESS', 'gal.sinkovec'],
    ],
    mentorNotes: 'Po predaji mentorstva nadaljujeva z isto učno potjo; Gal je pripravljen na večjo odgovornost.',
  },
  {
    handle: 'zala.novak',
    org: LEGEBITRA,
    title: 'Sodelovati pri spletni anketi o zdravju mladih',
    description: 'Pripraviti vprašanja in objaviti spletno anketo med srednješolci.',
    competence: 'DIGITAL',
    targetDate: '2026-04-30',
    steps: [
      ['2025-12-08', 'PLANNED', 'zala.novak'],
      ['2026-01-26', 'IN_PROGRESS', 'ana.kos'],
      ['2026-04-14', 'ACHIEVED', 'zala.novak'],
    ],
  },
  {
    handle: 'kaja.oblak',
    org: PARADA,
    title: 'Pripraviti program pogovornih večerov za jesen',
    description: 'Izbrati teme in goste za štiri jesenske pogovorne večere.',
    competence: 'ENTREPRENEURSHIP',
    targetDate: '2026-09-30',
    steps: [
      ['2026-03-09', 'PLANNED', 'kaja.oblak'],
      ['2026-05-04', 'IN_PROGRESS', 'kaja.oblak'],
      ['2026-09-28', 'ACHIEVED', 'nika.potocnik'],
    ],
    mentorNotes: 'Program je premišljen in raznolik; Kaja je sama dogovorila vse goste.',
  },
  {
    handle: 'neza.jereb',
    org: PARADA,
    title: 'Naučiti se snemanja z mobilnim telefonom',
    description: 'Posneti kratek video s stabilno sliko in čistim zvokom.',
    competence: 'DIGITAL',
    targetDate: '2026-07-31',
    steps: [
      ['2026-04-13', 'PLANNED', 'jan.mlakar'],
      ['2026-04-27', 'IN_PROGRESS', 'neza.jereb'],
      ['2026-07-06', 'ACHIEVED', 'jan.mlakar'],
    ],
  },
  {
    handle: 'manca.strnad',
    org: PARADA,
    title: 'Opraviti tečaj prve pomoči',
    description: 'Opraviti tečaj prve pomoči pred povorko, kjer vodi skupino redarjev.',
    competence: 'PERSONAL_SOCIAL_LEARNING',
    targetDate: '2026-05-31',
    steps: [
      ['2026-01-19', 'PLANNED', 'manca.strnad'],
      ['2026-03-16', 'IN_PROGRESS', 'manca.strnad'],
      ['2026-04-25', 'ACHIEVED', 'jan.mlakar'],
    ],
  },
  {
    handle: 'teja.hren',
    org: PARADA,
    title: 'Voditi obiskovalce po razstavi v angleščini',
    description: 'Pripraviti in izvesti kratko vodenje po razstavi za tuje obiskovalce.',
    competence: 'MULTILINGUAL',
    targetDate: '2026-09-30',
    steps: [
      ['2026-02-16', 'PLANNED', 'nika.potocnik'],
      ['2026-06-01', 'IN_PROGRESS', 'teja.hren'],
      ['2026-09-14', 'ACHIEVED', 'jan.mlakar'],
    ],
  },
  {
    handle: 'lara.stumberger',
    org: 'drustvo-toti-dca-maribor',
    title: 'Pripraviti učence na NPZ iz matematike',
    description: 'Voditi štiri ure ponavljanja za nacionalno preverjanje znanja.',
    competence: 'STEM',
    targetDate: '2026-05-15',
    steps: [
      ['2025-12-01', 'PLANNED', 'luka.horvat'],
      ['2026-02-02', 'IN_PROGRESS', 'lara.stumberger'],
      ['2026-05-11', 'ACHIEVED', 'luka.horvat'],
    ],
    mentorNotes: 'Ure je dobro pripravila; učenci so prosili za nadaljevanje jeseni.',
  },
  {
    handle: 'patrik.luzar',
    org: 'drustvo-toti-dca-maribor',
    title: 'Voditi bralni krožek',
    description: 'Enkrat na teden brati z manjšo skupino otrok v dnevnem centru.',
    competence: 'LITERACY',
    targetDate: '2026-06-15',
    steps: [
      ['2026-01-12', 'PLANNED', 'patrik.luzar'],
      ['2026-03-23', 'DROPPED', 'luka.horvat'],
    ],
    mentorNotes: 'Krožek se zaradi premalo prijav ni izvajal; Patrik se je pridružil učni pomoči.',
  },
  {
    handle: 'olga.vaupotic',
    org: 'drustvo-hisa',
    title: 'Organizirati izmenjavo semen',
    description: 'Pripraviti spomladansko izmenjavo semen za sosesko.',
    competence: 'ENTREPRENEURSHIP',
    targetDate: '2026-04-15',
    steps: [
      ['2026-01-14', 'PLANNED', 'olga.vaupotic'],
      ['2026-02-23', 'IN_PROGRESS', 'olga.vaupotic'],
      ['2026-04-11', 'ACHIEVED', 'rok.zupan'],
    ],
  },
  {
    handle: 'blaz.korosec',
    org: 'drustvo-hisa',
    title: 'Naučiti se osnov popravila koles',
    description: 'Pod vodstvom mentorja popraviti pet koles za sosedsko izposojo.',
    competence: 'STEM',
    targetDate: '2027-04-30',
    steps: [
      ['2026-03-02', 'PLANNED', 'rok.zupan'],
      ['2026-04-06', 'IN_PROGRESS', 'blaz.korosec'],
    ],
  },
  {
    handle: 'kim.vrecko',
    org: 'ektc-maribor',
    title: 'Voditi delavnico o varni rabi interneta',
    description: 'Pripraviti in voditi delavnico za starejše o prevarah na spletu.',
    competence: 'DIGITAL',
    targetDate: '2026-03-31',
    steps: [
      ['2025-12-02', 'PLANNED', 'kim.vrecko'],
      ['2026-01-19', 'IN_PROGRESS', 'kim.vrecko'],
      ['2026-03-16', 'ACHIEVED', 'tina.kranjc'],
    ],
    mentorNotes: 'Delavnica je bila polno zasedena; gradivo bomo uporabili tudi v drugih skupinah.',
  },
  {
    handle: 'julija.bezjak',
    org: 'zavod-mars-maribor',
    title: 'Napisati scenarij za kratki film',
    description: 'S skupino krožka napisati scenarij za petminutni film.',
    competence: 'LITERACY',
    targetDate: '2026-06-10',
    steps: [
      ['2026-03-09', 'PLANNED', 'julija.bezjak'],
      ['2026-04-20', 'IN_PROGRESS', 'julija.bezjak'],
      ['2026-06-01', 'ACHIEVED', 'petra.golob'],
    ],
  },
  {
    handle: 'nina.pavlic',
    org: 'pekarna-magdalenske-mreze',
    title: 'Pripraviti vodnik za nove prostovoljce',
    description: 'Zbrati navodila in nasvete za prve tedne prostovoljstva v Pekarni.',
    competence: 'LITERACY',
    targetDate: '2026-10-31',
    steps: [
      ['2026-02-04', 'PLANNED', 'maja.vidmar'],
      ['2026-04-01', 'IN_PROGRESS', 'nina.pavlic'],
      ['2026-10-26', 'ACHIEVED', 'maja.vidmar'],
    ],
    mentorNotes: 'Vodnik uporabljamo pri vseh novih prostovoljcih od novembra.',
  },
  {
    handle: 'ines.kolaric',
    org: 'drustvo-toti-dca-maribor',
    title: 'Opraviti usposabljanje za mentorje prostovoljcev',
    description: 'Udeležiti se usposabljanja in pripraviti načrt uvajanja za dva nova prostovoljca.',
    competence: 'PERSONAL_SOCIAL_LEARNING',
    targetDate: '2027-01-31',
    steps: [
      ['2026-09-07', 'PLANNED', 'luka.horvat'],
      ['2026-10-12', 'IN_PROGRESS', 'ines.kolaric'],
    ],
  },
  {
    handle: 'aljaz.petrovic',
    org: 'drustvo-hisa',
    title: 'Pripraviti zimsko akcijo za sosede',
    description: 'Organizirati zbiranje toplih oblačil in skupno kosilo pred prazniki.',
    competence: 'ENTREPRENEURSHIP',
    targetDate: '2026-12-20',
    steps: [['2026-10-05', 'PLANNED', 'aljaz.petrovic']],
  },
];

const isStaff = (handle: string) => STAFF.some((s) => s.handle === handle);

/** The step's author must be the volunteer, or their mentor in the organisation on that day (as the API requires). */
function authorId(goal: YearGoal, [date, , by]: Step): string {
  const v = volunteer(goal.handle);
  if (by === goal.handle) return volunteerId(v);
  if (!isStaff(by)) throw new Error(`${by} is neither ${goal.handle} nor staff`);
  const mentors = mentorAssignments.some(
    (a) =>
      a.mentorId === staffId(by) &&
      a.volunteerId === volunteerId(v) &&
      a.organizationId === orgId(goal.org) &&
      (a.startsOn as Date) <= day(date) &&
      (!a.endsOn || (a.endsOn as Date) >= day(date)),
  );
  if (!mentors) throw new Error(`${by} does not mentor ${goal.handle} at ${goal.org} on ${date}`);
  return staffId(by);
}

const goalId = (g: YearGoal) => stableId('learningGoal', `${volunteerEmail(volunteer(g.handle))}/${g.org}/${g.title}`);

/** Every row of the year, per model. */
export function mentoringYear() {
  for (const s of SESSIONS) if (s.heldOn < YEAR_FROM || s.heldOn > DEMO_TODAY) throw new Error(`${s.heldOn}`);

  const intervisionSession: Prisma.IntervisionSessionCreateManyInput[] = SESSIONS.map((s) => ({
    id: intervisionId(s.org, s.heldOn),
    organizationId: orgId(s.org),
    projectId: null,
    heldOn: day(s.heldOn),
    facilitatorId: staffId(s.facilitator),
    topics: s.topics,
    outcomes: s.outcomes,
    createdAt: at(`${s.heldOn}T17:00`),
  }));
  const intervisionParticipant: Prisma.IntervisionParticipantCreateManyInput[] = SESSIONS.flatMap((s) =>
    s.participants.map((handle) => ({ sessionId: intervisionId(s.org, s.heldOn), userId: staffId(handle) })),
  );

  const learningGoal: Prisma.LearningGoalCreateManyInput[] = GOALS.map((g) => {
    const first = g.steps[0]!;
    const last = g.steps[g.steps.length - 1]!;
    return {
      id: goalId(g),
      volunteerId: volunteerId(volunteer(g.handle)),
      organizationId: orgId(g.org),
      title: g.title,
      description: g.description,
      competenceCode: g.competence,
      status: last[1],
      targetDate: day(g.targetDate),
      mentorNotes: g.mentorNotes ?? null,
      createdAt: at(`${first[0]}T17:30`),
      updatedAt: at(`${last[0]}T17:30`),
    };
  });

  // As the API writes them: goal changes without an organisation (out of the admins' log).
  const goalAudit: Prisma.AuditLogCreateManyInput[] = GOALS.flatMap((g) =>
    g.steps.map((step, i) => ({
      id: stableId('auditLog', `learningGoal/${goalId(g)}/${i}`),
      actorId: authorId(g, step),
      organizationId: null,
      action: i === 0 ? 'learningGoal.create' : 'learningGoal.update',
      subjectType: 'LearningGoal',
      subjectId: goalId(g),
      details: i === 0 ? { status: step[1] } : { fields: ['status'], from: g.steps[i - 1]![1], to: step[1] },
      createdAt: at(`${step[0]}T17:30`),
    })),
  );

  const inYear = (d: Date | string | null | undefined) =>
    d instanceof Date && d >= day(YEAR_FROM) && d <= day(DEMO_TODAY);
  // Organisations without a coordinator or admin in the demo have no one to record them.
  const assignmentAudit: Prisma.AuditLogCreateManyInput[] = mentorAssignments.flatMap((a) => {
    const entries: Prisma.AuditLogCreateManyInput[] = [];
    if (!a.createdById) return entries;
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    if (inYear(a.startsOn)) {
      entries.push({
        id: stableId('auditLog', `mentorAssignment.create/${a.id}`),
        actorId: a.createdById,
        organizationId: a.organizationId,
        action: 'mentorAssignment.create',
        subjectType: 'MentorAssignment',
        subjectId: a.id!,
        details: {
          mentorId: a.mentorId,
          volunteerId: a.volunteerId,
          startsOn: iso(a.startsOn as Date),
          endsOn: a.endsOn ? iso(a.endsOn as Date) : null,
        },
        createdAt: at(`${iso(a.startsOn as Date)}T09:00`),
      });
    }
    if (inYear(a.endsOn)) {
      entries.push({
        id: stableId('auditLog', `mentorAssignment.end/${a.id}`),
        actorId: a.createdById,
        organizationId: a.organizationId,
        action: 'mentorAssignment.end',
        subjectType: 'MentorAssignment',
        subjectId: a.id!,
        details: { mentorId: a.mentorId, volunteerId: a.volunteerId, from: null, to: iso(a.endsOn as Date) },
        createdAt: at(`${iso(a.endsOn as Date)}T16:00`),
      });
    }
    return entries;
  });

  const sessionAudit: Prisma.AuditLogCreateManyInput[] = SESSIONS.map((s) => ({
    id: stableId('auditLog', `intervision.record/${intervisionId(s.org, s.heldOn)}`),
    actorId: staffId(s.facilitator),
    organizationId: orgId(s.org),
    action: 'intervision.record',
    subjectType: 'IntervisionSession',
    subjectId: intervisionId(s.org, s.heldOn),
    details: { heldOn: s.heldOn, projectId: null, participants: s.participants.length },
    createdAt: at(`${s.heldOn}T17:00`),
  }));

  return {
    intervisionSession,
    intervisionParticipant,
    learningGoal,
    auditLog: [...assignmentAudit, ...sessionAudit, ...goalAudit],
  };
}
