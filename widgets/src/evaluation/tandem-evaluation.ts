import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { define } from '../core/define.ts';
import type { ApiErrorResult } from '../core/errors.ts';
import { TandemEvaluationSavedEvent, TandemEvaluationSubmittedEvent } from '../core/events.ts';
import type { ResultOf } from '../core/graphql.ts';
import { registerMessages } from '../core/localize.ts';
import { TandemElement } from '../core/tandem-element.ts';
import { describedBy, field, fieldError, moveFocus, newKey } from '../sign-in/form.ts';
import { account, accountStyles, focusOnSignIn } from '../sign-in/account.ts';
import { messages } from './messages.ts';
import { EvaluationDraftAnswers, EvaluationForm, SaveEvaluationDraft, SubmitEvaluation } from './operations.ts';
import { styles } from './tandem-evaluation.styles.ts';

registerMessages(messages);

type Template = NonNullable<ResultOf<typeof EvaluationForm>['evaluationTemplate']>;
type Question = Template['questions'][number];
type Answer = { questionId: string; value: unknown };

const blank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && !value.length);

/**
 * @summary Shows an evaluation questionnaire of the shared evaluation model (scale, single and multiple
 * choice, free text and competence questions) and submits the answers. Signs the respondent in first when
 * needed.
 *
 * @attr template - Global id of the evaluation template (required).
 * @attr subject - Global id of what is evaluated: a volunteer's Person id for a mentor's evaluation, an
 * Opportunity id for a volunteer's evaluation of the placement; none for self-evaluations.
 * @attr organization - Slug of the organisation in whose volunteering the evaluation is made (defaults to the
 * template's own organisation).
 * @attr round - Global id of the evaluation round being answered (from the reminder or `me.evaluationRequests`),
 * so the answers fulfil that request. A resumed draft remembers its round.
 *
 * @event tandem-evaluation-submitted - The answers were stored; `detail.responseId`. A retried submit stores
 * them once.
 * @event tandem-evaluation-saved - The unfinished answers were saved as a draft on the server (on "Save draft"
 * and a moment after each change); `detail.draftId`. Opening the widget again resumes the draft.
 * @event tandem-signed-in - The respondent signed in through the built-in sign-in form.
 * @event tandem-signed-out - The respondent signed out.
 * @event tandem-error - A request failed; `detail.code` and `detail.message` say why.
 *
 * @csspart base - The wrapper.
 * @csspart title - The questionnaire's title.
 * @csspart form - The questionnaire, and the sign-in form before the volunteer signs in.
 * @csspart field - One question (a fieldset, or a label with its text box).
 * @csspart button - The buttons.
 * @csspart error - Error messages (form-level and per question).
 * @csspart status - Confirmations.
 * @csspart account - "Signed in as …" with the sign-out button.
 */
export class TandemEvaluation extends TandemElement {
  static override styles = [...TandemElement.styles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    template: { reflect: true },
    subject: { reflect: true },
    round: { reflect: true },
    form: { state: true },
    name: { state: true },
    organizationId: { state: true },
    answers: { state: true },
    busy: { state: true },
    message: { state: true },
    notice: { state: true },
    fields: { state: true },
    submitted: { state: true },
  };

  declare template: string;
  declare subject: string;
  declare round: string;
  /** undefined while loading, null when there is no such (visible) template. */
  declare private form: Template | null | undefined;
  declare private organizationId: string;
  /** The respondent's name. */
  declare private name: string | undefined;
  /** The answers so far, by question id. */
  declare private answers: Record<string, unknown>;
  declare private busy: boolean;
  declare private message: string;
  declare private notice: string;
  declare private fields: Record<string, string>;
  declare private submitted: boolean;
  private fillKey = newKey();
  private loads = 0;
  /** The round of a resumed draft. */
  private draftRound = '';
  /** Pending autosave, and the save under way (a submit waits for it, so no save recreates a submitted draft). */
  private autosave = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor() {
    super();
    focusOnSignIn(this);
    this.template = '';
    this.subject = '';
    this.round = '';
    this.form = undefined;
    this.organizationId = '';
    this.answers = {};
    this.busy = false;
    this.message = '';
    this.notice = '';
    this.fields = {};
    this.submitted = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['api', 'key', 'lang', 'template', 'organization'].some((name) => changed.has(name))) void this.load();
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    if (!this.template) return;
    const result = await this.query(EvaluationForm, { template: this.template, slug: this.organization });
    if (load !== this.loads) return;
    if (!result.data) {
      this.message = this.problems(result.error).message;
      return;
    }
    const form = result.data.evaluationTemplate;
    this.form = form;
    this.organizationId = result.data.organization?.id ?? form?.organization?.id ?? '';
    await this.loadDraft();
  }

  protected override sessionChanged(): void {
    if (!this.session) {
      // Whoever signs in next on this computer must not see the previous person's answers.
      clearTimeout(this.autosave);
      this.answers = {};
      this.fields = {};
      this.notice = '';
      this.message = '';
      this.submitted = false;
      this.draftRound = '';
      this.fillKey = newKey();
    }
    super.sessionChanged();
    void this.loadDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.autosave);
  }

  /** Resumes the signed-in person's draft, unless they have already started answering here. */
  private async loadDraft(): Promise<void> {
    const form = this.form;
    if (!form || !this.organizationId || !this.session || this.submitted) return;
    const result = await this.query(EvaluationDraftAnswers, {
      template: form.id,
      organization: this.organizationId,
      subject: this.subject || null,
    });
    this.name = result.data?.me?.name;
    const draft = result.data?.evaluationDraft;
    if (!draft || Object.keys(this.answers).length || form !== this.form) return;
    this.answers = Object.fromEntries((draft.answers as Answer[]).map((a) => [a.questionId, a.value]));
    this.draftRound = draft.round?.id ?? '';
    this.notice = this.t('evaluation.resumed', { time: this.when(draft.updatedAt) });
  }

  private when(time: string): string {
    return this.localize.date(time, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** The answers given so far, in question order. */
  private given(): Answer[] {
    return (this.form?.questions ?? [])
      .filter((q) => !blank(this.answers[q.id]))
      .map((q) => ({ questionId: q.id, value: this.answers[q.id] }));
  }

  /** Saves the answers so far; `quiet` (autosave) shows no error: the next change tries again. */
  private saveDraft(quiet = false): Promise<void> {
    clearTimeout(this.autosave);
    const form = this.form;
    // Never while submitting: the submission deletes the draft, a late save would bring it back.
    if (!form || !this.organizationId || !this.session || this.submitted || this.busy) return this.saving;
    this.saving = this.saving.then(async () => {
      const result = await this.mutate(SaveEvaluationDraft, {
        input: {
          templateId: form.id,
          organizationId: this.organizationId,
          subjectId: this.subject || null,
          roundId: this.round || this.draftRound || null,
          answers: this.given(),
        },
      });
      const payload = result.data?.saveEvaluationDraft;
      if (payload?.__typename === 'SaveEvaluationDraftPayload') {
        this.notice = this.t('evaluation.saved', { time: this.when(payload.draft.updatedAt) });
        this.dispatchEvent(new TandemEvaluationSavedEvent({ draftId: payload.draft.id }));
      } else if (!quiet) {
        this.message = this.problems(result.error, payload as ApiErrorResult | undefined).message;
        await moveFocus(this);
      }
    });
    return this.saving;
  }

  private set(questionId: string, value: unknown): void {
    this.answers = { ...this.answers, [questionId]: value };
    if (this.fields[questionId] && !blank(value)) this.fields = { ...this.fields, [questionId]: '' };
    clearTimeout(this.autosave);
    this.autosave = window.setTimeout(() => void this.saveDraft(true), 1500);
  }

  private toggle(questionId: string, value: string, on: boolean): void {
    const values = ((this.answers[questionId] as string[] | undefined) ?? []).filter((v) => v !== value);
    this.set(questionId, on ? [...values, value] : values);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.form) return;
    const questions = this.form.questions;
    const fields: Record<string, string> = {};
    for (const q of questions)
      if (q.required && blank(this.answers[q.id])) fields[q.id] = this.t('evaluation.required');
    this.fields = fields;
    this.message = '';
    this.notice = '';
    if (Object.keys(fields).length) return moveFocus(this);

    const answers = this.given();
    this.busy = true;
    clearTimeout(this.autosave);
    await this.saving;
    const result = await this.mutate(SubmitEvaluation, {
      input: {
        templateId: this.form.id,
        organizationId: this.organizationId,
        subjectId: this.subject || null,
        roundId: this.round || this.draftRound || null,
        answers,
        idempotencyKey: this.fillKey,
      },
    });
    this.busy = false;
    const payload = result.data?.submitEvaluation;
    if (payload?.__typename === 'EvaluationPayload') {
      this.submitted = true;
      this.fillKey = newKey();
      this.dispatchEvent(new TandemEvaluationSubmittedEvent({ responseId: payload.response.id }));
    } else {
      const problems = this.problems(result.error, payload as ApiErrorResult | undefined);
      // Field paths: answers.<questionId> (required) or answers.<index>.value (not a valid answer).
      const byQuestion: Record<string, string> = {};
      for (const [key, text] of Object.entries(problems.fields)) {
        const [head, first, second] = key.split('.');
        const questionId = head === 'answers' ? (second ? answers[Number(first)]?.questionId : first) : undefined;
        if (questionId) byQuestion[questionId] = text;
      }
      this.fields = byQuestion;
      // An error about something not shown (subject, organisation): say it as it is.
      this.message = Object.keys(byQuestion).length
        ? problems.message
        : (Object.values(problems.fields)[0] ?? problems.message);
    }
    await moveFocus(this);
  }

  override render() {
    const form = this.form;
    return html`<section part="base" aria-labelledby="evaluation-title">
      ${
        form
          ? html`<h2 part="title" id="evaluation-title">${form.title}</h2>
              ${form.intro ? html`<p class="intro">${form.intro}</p>` : nothing}`
          : html`<p role="status">
              ${form === null ? this.t('evaluation.notFound') : this.message || this.t('common.loading')}
            </p>`
      }
      ${this.session ? nothing : html`<p>${this.t('evaluation.signInFirst')}</p>`} ${account(this, this.name)}
      ${this.session && form ? this.renderForm(form) : nothing}
    </section>`;
  }

  private renderForm(form: Template) {
    if (this.submitted) {
      return html`<p part="status" class="notice success" role="status" tabindex="-1" data-focus>
        ${this.t('evaluation.submitted')}
      </p>`;
    }
    if (form.retired) return html`<p class="notice">${this.t('evaluation.retired')}</p>`;
    if (!this.organizationId) return html`<p class="notice error-notice">${this.t('evaluation.noOrganization')}</p>`;
    return html`<form part="form" novalidate @submit=${this.submit}>
      <div role="status" part="status">${this.notice}</div>
      ${
        this.message
          ? html`<p part="error" class="notice error-notice" role="alert" tabindex="-1" data-focus>${this.message}</p>`
          : nothing
      }
      ${form.questions.map((q, index) => this.renderQuestion(q, index))}
      <div class="row">
        <button part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.t('evaluation.submit')}
        </button>
        <button
          part="button"
          type="button"
          class="secondary"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.saveDraft()}
        >
          ${this.t('evaluation.saveDraft')}
        </button>
      </div>
    </form>`;
  }

  private renderQuestion(q: Question, index: number) {
    const id = `q${index}`;
    const error = this.fields[q.id];
    const invalid = error ? 'true' : 'false';
    const value = this.answers[q.id];
    const required = q.required ? html` <span class="hint">(${this.t('common.required')})</span>` : nothing;
    if (q.type === 'TEXT') {
      return field(
        id,
        html`${q.prompt}${required}`,
        html`<textarea
          id=${id}
          maxlength="5000"
          ?required=${q.required}
          .value=${typeof value === 'string' ? value : ''}
          @input=${(event: Event) => this.set(q.id, (event.target as HTMLTextAreaElement).value)}
          aria-invalid=${invalid}
          aria-describedby=${describedBy(id, error)}
        ></textarea>`,
        error,
      );
    }
    const scale = q.type === 'SCALE' || q.type === 'COMPETENCE';
    const multiple = q.type === 'MULTIPLE_CHOICE';
    const min = q.scaleMin ?? 1;
    const options = scale
      ? Array.from({ length: (q.scaleMax ?? 5) - min + 1 }, (_, n) => ({
          value: String(min + n),
          label: String(min + n),
        }))
      : q.choices;
    const hints = [
      q.competence ? this.t('evaluation.competence', { name: q.competence.name }) : '',
      scale && q.scaleMinLabel && q.scaleMaxLabel
        ? this.t('evaluation.scaleMeaning', {
            min,
            max: q.scaleMax ?? 5,
            minLabel: q.scaleMinLabel,
            maxLabel: q.scaleMaxLabel,
          })
        : '',
    ].filter(Boolean);
    const checked = (option: string) =>
      multiple ? ((value as string[] | undefined) ?? []).includes(option) : String(value ?? '') === option;
    return html`<fieldset
      class="field question"
      part="field"
      aria-describedby=${describedBy(id, error, hints.length ? `${id}-hint` : undefined)}
    >
      <legend>${q.prompt}${required}</legend>
      ${hints.length ? html`<p class="hint" id="${id}-hint">${hints.join(' ')}</p>` : nothing}
      <div class=${scale ? 'scale' : 'choices'}>
        ${options.map(
          (option) =>
            html`<label class="check">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name=${id}
                .value=${option.value}
                .checked=${checked(option.value)}
                aria-invalid=${invalid}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  if (multiple) this.toggle(q.id, option.value, on);
                  else this.set(q.id, scale ? Number(option.value) : option.value);
                }}
              />
              <span>${option.label}</span>
            </label>`,
        )}
      </div>
      ${fieldError(id, error)}
    </fieldset>`;
  }
}

define('tandem-evaluation', TandemEvaluation);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-evaluation': TandemEvaluation;
  }
}
