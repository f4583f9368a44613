// <tandem-evaluation> in Chromium against the real API: every question type,
// required answers, submitting once, a server-side draft resumed after a
// reload, English, and a mentor's evaluation of a volunteer (subject).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobal, WidgetHarness } from '../../test/browser.ts';

let h: WidgetHarness;
let organizationId: string;
let volunteer: { id: string; email: string; name: string };
let template: { id: string; questions: { id: string; type: string }[] };
let competence: { nameSl: string; nameEn: string };

const OPTIONS = [
  { value: 'events', labelSl: 'Dogodki', labelEn: 'Events' },
  { value: 'garden', labelSl: 'Vrt', labelEn: 'Garden' },
  { value: 'bakery', labelSl: 'Pekarna', labelEn: 'Bakery' },
];

beforeAll(async () => {
  h = await WidgetHarness.start();
  const organization = await h.prisma.organization.findUniqueOrThrow({ where: { slug: h.organizationSlug } });
  organizationId = organization.id;
  const application = await h.prisma.application.findFirstOrThrow({
    where: { status: 'ACCEPTED', organizationId, volunteer: { erasedAt: null } },
    include: { volunteer: true },
    orderBy: { id: 'asc' },
  });
  volunteer = application.volunteer;
  const firstCompetence = await h.prisma.competence.findFirstOrThrow({ orderBy: { position: 'asc' } });
  competence = firstCompetence;
  // The organisation's own self-evaluation with one question of every type.
  template = await h.prisma.evaluationTemplate.create({
    data: {
      key: 'widget-test-self',
      version: 1,
      kind: 'VOLUNTEER_SELF',
      organizationId,
      titleSl: 'Samoocena prostovoljca',
      titleEn: 'Volunteer self-evaluation',
      introSl: 'Vzemite si pet minut.',
      introEn: 'Take five minutes.',
      publishedAt: new Date(),
      questions: {
        create: [
          {
            position: 0,
            type: 'SCALE',
            promptSl: 'Kako zadovoljni ste s prostovoljstvom?',
            promptEn: 'How satisfied are you with volunteering?',
            scaleMin: 1,
            scaleMax: 5,
            scaleMinLabelSl: 'sploh ne',
            scaleMinLabelEn: 'not at all',
            scaleMaxLabelSl: 'zelo',
            scaleMaxLabelEn: 'very',
          },
          {
            position: 1,
            type: 'SINGLE_CHOICE',
            promptSl: 'Kje ste največ delali?',
            promptEn: 'Where did you work most?',
            options: OPTIONS,
          },
          {
            position: 2,
            type: 'MULTIPLE_CHOICE',
            promptSl: 'Kaj vse ste počeli?',
            promptEn: 'What did you do?',
            options: OPTIONS,
            required: false,
          },
          {
            position: 3,
            type: 'TEXT',
            promptSl: 'Kaj ste se naučili?',
            promptEn: 'What did you learn?',
          },
          {
            position: 4,
            type: 'COMPETENCE',
            promptSl: 'Kako ocenjujete svojo kompetenco?',
            promptEn: 'How do you rate your competence?',
            scaleMin: 1,
            scaleMax: 4,
            competenceCode: firstCompetence.code,
          },
        ],
      },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
});
afterAll(() => h?.close());

const widget = (extra = '') =>
  `<tandem-evaluation ${h.attrs} organization="${h.organizationSlug}"
     template="${toGlobal('EvaluationTemplate', template.id)}" ${extra}></tandem-evaluation>
   <script>
     window.events = [];
     for (const name of ['tandem-evaluation-submitted', 'tandem-evaluation-saved'])
       document.addEventListener(name, (e) => window.events.push([name, e.detail]));
   </script>`;

async function openAs(email: string, extra = '', options: { lang?: string; width?: number } = {}) {
  const page = await h.open(widget(extra), options);
  const token = await h.tokenFor(email);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`tandem.session.${h.api}`, token]);
  await page.reload();
  return page;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: [string, any][] }).events);
const group = (page: Page, name: string) => page.getByRole('group', { name });
const focusedLabel = (page: Page) =>
  page.locator('tandem-evaluation').evaluate((el) => {
    const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
    return active ? `${active.name}=${active.value}` : null;
  });

describe('<tandem-evaluation>', () => {
  it('asks an anonymous visitor to sign in before showing the questions', async () => {
    const page = await h.open(widget());
    await page.getByRole('heading', { name: 'Samoocena prostovoljca' }).waitFor();
    await page.getByText('Za izpolnjevanje se prijavite.').waitFor();
    await page.getByLabel('Geslo').waitFor();
    expect(await page.getByRole('group').count()).toBe(0);
  });

  it('renders every question type as a labelled group or text box, at 320 px', async () => {
    const page = await openAs(volunteer.email, '', { width: 320 });
    await page.getByText('Vzemite si pet minut.').waitFor();

    const scale = group(page, 'Kako zadovoljni ste s prostovoljstvom?');
    await scale.waitFor();
    expect(await scale.getByRole('radio').count()).toBe(5);
    expect(await scale.innerText()).toContain('1 pomeni »sploh ne«, 5 pomeni »zelo«.');
    expect(await scale.innerText()).toContain('(obvezno)');

    const single = group(page, 'Kje ste največ delali?');
    expect(await single.getByRole('radio').count()).toBe(3);
    await single.getByLabel('Pekarna').waitFor();

    const multiple = group(page, 'Kaj vse ste počeli?');
    expect(await multiple.getByRole('checkbox').count()).toBe(3);
    expect(await multiple.innerText()).not.toContain('(obvezno)');

    const text = page.getByLabel('Kaj ste se naučili?');
    expect(await text.evaluate((el) => el.localName)).toBe('textarea');

    const competenceGroup = group(page, 'Kako ocenjujete svojo kompetenco?');
    expect(await competenceGroup.getByRole('radio').count()).toBe(4);
    expect(await competenceGroup.innerText()).toContain(`Kompetenca: ${competence.nameSl}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('speaks English with lang="en", questions included', async () => {
    const page = await openAs(volunteer.email, 'lang="en"', { lang: 'en' });
    await page.getByRole('heading', { name: 'Volunteer self-evaluation' }).waitFor();
    const scale = group(page, 'How satisfied are you with volunteering?');
    await scale.waitFor();
    expect(await scale.innerText()).toContain('1 means “not at all”, 5 means “very”.');
    await group(page, 'Where did you work most?').getByLabel('Garden').waitFor();
    expect(await group(page, 'How do you rate your competence?').innerText()).toContain(
      `Competence: ${competence.nameEn}`,
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.getByText('Answer this question.').count()).toBe(4);
  });

  it('requires the required answers, focusing the first missing one', async () => {
    const page = await openAs(volunteer.email);
    await page.getByRole('button', { name: 'Oddaj oceno' }).click();
    await expect.poll(() => page.getByText('Odgovorite na to vprašanje.').count()).toBe(4);
    expect(await focusedLabel(page)).toBe('q0=1');
    const first = group(page, 'Kako zadovoljni ste s prostovoljstvom?').getByLabel('1');
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    // The optional multiple-choice question has no error.
    expect(await group(page, 'Kaj vse ste počeli?').getByText('Odgovorite na to vprašanje.').count()).toBe(0);

    // Answering a question clears its message; the others stay.
    await group(page, 'Kako zadovoljni ste s prostovoljstvom?').getByLabel('2').check();
    await expect.poll(() => page.getByText('Odgovorite na to vprašanje.').count()).toBe(3);
    expect(await h.prisma.evaluationResponse.count({ where: { templateId: template.id } })).toBe(0);
  });

  it('saves a draft, resumes it after a reload, and submits it once', async () => {
    const user = await h.prisma.user.create({
      data: { email: 'osnutek@example.net', name: 'Olga Osnutek' },
    });
    await h.prisma.membership.create({ data: { userId: user.id, organizationId, role: 'VOLUNTEER' } });
    const page = await openAs(user.email);
    await group(page, 'Kako zadovoljni ste s prostovoljstvom?').getByLabel('5').check();
    await group(page, 'Kaj vse ste počeli?').getByLabel('Dogodki').check();
    await group(page, 'Kaj vse ste počeli?').getByLabel('Pekarna').check();
    await page.getByLabel('Kaj ste se naučili?').fill('Potrpežljivost.');
    await page.getByRole('button', { name: 'Shrani osnutek' }).click();
    await page.getByText(/Osnutek je shranjen/).waitFor();

    const draft = await h.prisma.evaluationDraft.findFirstOrThrow({
      where: { respondentId: user.id, templateId: template.id },
    });
    const [q0, , q2, q3] = template.questions;
    expect(draft.answers).toEqual([
      { questionId: q0!.id, value: 5 },
      { questionId: q2!.id, value: ['events', 'bakery'] },
      { questionId: q3!.id, value: 'Potrpežljivost.' },
    ]);
    expect(await events(page)).toContainEqual([
      'tandem-evaluation-saved',
      { draftId: toGlobal('EvaluationDraft', draft.id) },
    ]);

    // A change is saved on its own a moment later.
    await group(page, 'Kaj vse ste počeli?').getByLabel('Pekarna').uncheck();
    await expect
      .poll(async () => (await h.prisma.evaluationDraft.findUniqueOrThrow({ where: { id: draft.id } })).answers, {
        timeout: 10_000,
      })
      .toContainEqual({ questionId: q2!.id, value: ['events'] });

    await page.reload();
    await page.getByText(/Nadaljujete osnutek, shranjen/).waitFor();
    const scale = group(page, 'Kako zadovoljni ste s prostovoljstvom?');
    expect(await scale.getByLabel('5').isChecked()).toBe(true);
    expect(await group(page, 'Kaj vse ste počeli?').getByLabel('Dogodki').isChecked()).toBe(true);
    expect(await group(page, 'Kaj vse ste počeli?').getByLabel('Pekarna').isChecked()).toBe(false);
    expect(await page.getByLabel('Kaj ste se naučili?').inputValue()).toBe('Potrpežljivost.');

    await group(page, 'Kje ste največ delali?').getByLabel('Vrt').check();
    await group(page, 'Kako ocenjujete svojo kompetenco?').getByLabel('3').check();
    await page.getByRole('button', { name: 'Oddaj oceno' }).dblclick();
    const thanks = page.getByText('Hvala! Vaši odgovori so oddani.');
    await thanks.waitFor();
    expect(await thanks.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    const responses = await h.prisma.evaluationResponse.findMany({
      where: { respondentId: user.id, templateId: template.id },
    });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.answers).toEqual([
      { questionId: q0!.id, value: 5 },
      { questionId: template.questions[1]!.id, value: 'garden' },
      { questionId: q2!.id, value: ['events'] },
      { questionId: q3!.id, value: 'Potrpežljivost.' },
      { questionId: template.questions[4]!.id, value: 3 },
    ]);
    expect((await events(page)).filter(([name]) => name === 'tandem-evaluation-submitted')).toEqual([
      ['tandem-evaluation-submitted', { responseId: toGlobal('EvaluationResponse', responses[0]!.id) }],
    ]);
    // Submitting used up the draft, and no late autosave brought it back.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await h.prisma.evaluationDraft.count({ where: { respondentId: user.id } })).toBe(0);
  });

  it('submits a mentor’s evaluation of a volunteer (subject) and shows the API’s refusal for someone else', async () => {
    const mentorTemplate = await h.prisma.evaluationTemplate.create({
      data: {
        key: 'widget-test-mentor',
        version: 1,
        kind: 'MENTOR_OF_VOLUNTEER',
        organizationId,
        titleSl: 'Mentorjeva ocena',
        titleEn: 'Mentor’s evaluation',
        publishedAt: new Date(),
        questions: {
          create: [{ position: 0, type: 'TEXT', promptSl: 'Kaj gre dobro?', promptEn: 'What goes well?' }],
        },
      },
    });
    const mentor = await h.prisma.user.create({
      data: {
        email: 'mentor-ocena@example.net',
        name: 'Marko Mentor',
        memberships: { create: { organizationId, role: 'MENTOR' } },
      },
    });
    await h.prisma.mentorAssignment.create({
      data: { mentorId: mentor.id, volunteerId: volunteer.id, organizationId, startsOn: new Date('2020-01-01') },
    });
    const attrs = `template="${toGlobal('EvaluationTemplate', mentorTemplate.id)}" subject="${toGlobal('Person', volunteer.id)}"`;
    const markup = `<tandem-evaluation ${h.attrs} organization="${h.organizationSlug}" ${attrs}></tandem-evaluation>`;

    const page = await h.open(markup);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`tandem.session.${h.api}`, await h.tokenFor(mentor.email)],
    );
    await page.reload();
    await page.getByLabel('Kaj gre dobro?').fill('Zanesljivost in dobra volja.');
    await page.getByRole('button', { name: 'Oddaj oceno' }).click();
    await page.getByText('Hvala! Vaši odgovori so oddani.').waitFor();
    expect(
      await h.prisma.evaluationResponse.findFirstOrThrow({ where: { templateId: mentorTemplate.id } }),
    ).toMatchObject({ respondentId: mentor.id, subjectUserId: volunteer.id });

    // Another volunteer may not evaluate this one: the API's message is shown and nothing is stored.
    const stranger = await h.prisma.user.create({
      data: {
        email: 'tuj@example.net',
        name: 'Tuja Oseba',
        memberships: { create: { organizationId, role: 'VOLUNTEER' } },
      },
    });
    const other = await h.open(markup);
    await other.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`tandem.session.${h.api}`, await h.tokenFor(stranger.email)],
    );
    await other.reload();
    await other.getByLabel('Kaj gre dobro?').fill('Ne bi smel.');
    await other.getByRole('button', { name: 'Oddaj oceno' }).click();
    await expect
      .poll(async () => (await other.getByRole('alert').textContent())?.trim().length ?? 0)
      .toBeGreaterThan(0);
    expect(await other.getByText('Hvala! Vaši odgovori so oddani.').count()).toBe(0);
    expect(await h.prisma.evaluationResponse.count({ where: { templateId: mentorTemplate.id } })).toBe(1);
  });

  it('left no errors in the pages’ consoles', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
