import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  define,
  isApiError,
  registerMessages,
  TandemElement,
  TandemSignedUpEvent,
  type ResultOf,
} from '../core/index.ts';
import { messages } from './messages.ts';
import { PublicOpportunity, SignUp } from './operations.ts';
import { styles } from './tandem-signup.styles.ts';

registerMessages(messages);

type Opportunity = NonNullable<ResultOf<typeof PublicOpportunity>['opportunity']>;
type Question = Opportunity['questions'][number];

/** Rule violations that belong to one field. */
const RULE_FIELDS: Record<string, string> = {
  GUARDIAN_CONSENT_REQUIRED: 'guardian.consent',
  TOO_YOUNG: 'birthDate',
  UNDER_15_NOT_SUITABLE: 'birthDate',
  SHIFT_IN_PAST: 'shiftId',
};

const idFor = (key: string) => `f-${key.replace(/[^\w-]/g, '-')}`;

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Age in whole years on a day (both ISO dates or instants), as the API counts it. */
function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana' }).format(on).split('-').map(Number);
  const [ty, tm, td] = day as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/**
 * The sign-up form of one opportunity: shift, the volunteer's details, motivation, the opportunity's own
 * questions, consent, and a parent's or guardian's details when the birth date says the volunteer is a minor.
 * Errors come from the API, next to their fields; after sending, focus moves to the confirmation.
 * Sending twice (a double click, a retry after a lost answer) makes one application.
 *
 * @summary Sign-up form for one opportunity.
 *
 * @attr opportunity - Global id of the opportunity (from `<tandem-opportunities>` or the API).
 * @attr api - Origin of the Tandem API (default: where tandem.js was loaded from).
 * @attr key - Publishable key (`pk_…`) allowing this page's origin.
 * @attr lang - `sl` (default) or `en`.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @event tandem-signed-up - The sign-up was received: `{ applicationId, opportunityId, status }`.
 * @event tandem-error - The API refused it or could not be reached: `{ code, message }`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart field - Each field (label, control, hint and error).
 * @csspart button - The submit button.
 * @csspart error - Form-level and field error messages.
 * @csspart confirmation - The confirmation shown after sending.
 * @csspart status - The loading notice.
 *
 * @cssproperty --tandem-color-primary - Buttons, links and focus rings.
 * @cssproperty --tandem-color-on-primary - Text on primary buttons.
 * @cssproperty --tandem-color-text - Body text.
 * @cssproperty --tandem-color-muted - Hints.
 * @cssproperty --tandem-color-surface - Background.
 * @cssproperty --tandem-color-border - Field borders.
 * @cssproperty --tandem-color-danger - Errors.
 * @cssproperty --tandem-color-success - The confirmation.
 * @cssproperty --tandem-radius - Corner radius.
 * @cssproperty --tandem-font-family - Font.
 * @cssproperty --tandem-space - Base spacing.
 */
export class TandemSignup extends TandemElement {
  static override styles = [...TandemElement.styles, styles];

  static override properties = {
    ...TandemElement.properties,
    opportunity: { reflect: true },
    data: { state: true },
    loadError: { state: true },
    birthDate: { state: true },
    shiftId: { state: true },
    errors: { state: true },
    formError: { state: true },
    sending: { state: true },
    done: { state: true },
  };

  declare opportunity: string;
  declare data: Opportunity | null;
  declare loadError: string | null;
  declare birthDate: string;
  declare shiftId: string;
  /** Field key (as fieldKey() makes it) → message. */
  declare errors: Record<string, string>;
  declare formError: string | null;
  declare sending: boolean;
  declare done: { status: string; email: string } | null;

  /** One per sign-up attempt, kept across retries: the API answers a repeat with the first result. */
  #idempotencyKey = newKey();

  constructor() {
    super();
    this.opportunity = '';
    this.data = null;
    this.loadError = null;
    this.birthDate = '';
    this.shiftId = '';
    this.errors = {};
    this.formError = null;
    this.sending = false;
    this.done = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Someone who moved on while the form loaded keeps their place.
    this.#focusWhenLoaded &&= this.shadowRoot?.activeElement?.getAttribute('part') === 'status';
    if (['opportunity', 'api', 'key', 'lang'].some((name) => changed.has(name)) && this.opportunity) void this.#load();
  }

  #focusWhenLoaded = false;

  /**
   * Focuses the form's heading. Before the opportunity has loaded, the loading notice holds the focus
   * (never the page) and hands it to the heading once the form is there: keyboard users land on the form.
   */
  override focus(options?: FocusOptions): void {
    if (!this.hasUpdated) {
      void this.updateComplete.then(() => this.focus(options));
      return;
    }
    const title = this.renderRoot.querySelector<HTMLElement>('#signup-title');
    this.#focusWhenLoaded = !title;
    (title ?? this.renderRoot.querySelector<HTMLElement>('[part~=status],[part~=error]'))?.focus(options);
  }

  protected override updated(): void {
    if (!this.#focusWhenLoaded) return;
    const title = this.renderRoot.querySelector<HTMLElement>('#signup-title');
    if (title) {
      this.#focusWhenLoaded = false;
      title.focus();
    }
  }

  async #load() {
    const { data, error } = await this.query(PublicOpportunity, { id: this.opportunity });
    if (error) {
      this.loadError = this.problems(error).message;
      return;
    }
    this.loadError = data?.opportunity ? null : this.t('signup.notFound');
    this.data = data?.opportunity ?? null;
    const shifts = this.#openShifts();
    if (shifts.length === 1 && !this.shiftId) this.shiftId = shifts[0]!.id;
  }

  #openShifts() {
    const now = new Date();
    return (this.data?.shifts ?? []).filter((s) => new Date(s.startsAt) > now);
  }

  get #minor(): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.birthDate) || !this.data) return false;
    const shift = this.data.shifts.find((s) => s.id === this.shiftId);
    const on = new Date(shift?.startsAt ?? this.data.startsAt ?? Date.now());
    return ageOn(this.birthDate, on < new Date() ? new Date() : on) < 18;
  }

  #answerOf(question: Question, data: FormData): unknown {
    const name = `q.${question.id}`;
    switch (question.type) {
      case 'YES_NO':
        return data.has(name) ? data.get(name) === 'true' : null;
      case 'MULTIPLE_CHOICE':
        return data.getAll(name).map(String);
      default:
        return String(data.get(name) ?? '').trim() || null;
    }
  }

  async #submit(event: Event) {
    event.preventDefault();
    if (this.sending || !this.data) return;
    const opportunity = this.data;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const minor = this.#minor;

    // Empty required fields are caught here, in the widget's language; everything else the API decides.
    const errors: Record<string, string> = {};
    const required = ['name', 'email', 'birthDate', ...(minor ? ['guardian.name', 'guardian.email'] : [])];
    if (this.#openShifts().length) required.unshift('shiftId');
    for (const key of required) if (!text(key)) errors[key] = this.t('signup.required');
    if (Object.keys(errors).length) return this.#showErrors(this.t('error.fields'), errors);

    const answers = opportunity.questions.map((q) => ({ questionId: q.id, value: this.#answerOf(q, data) }));
    this.sending = true;
    const email = text('email');
    const result = await this.mutate(SignUp, {
      input: {
        opportunityId: opportunity.id,
        shiftId: text('shiftId') || null,
        name: text('name'),
        email,
        birthDate: text('birthDate'),
        motivation: text('motivation') || null,
        answers,
        consent: {
          dataProcessing: data.has('consent.dataProcessing'),
          photos: data.has('consent.photos'),
          newsletter: data.has('consent.newsletter'),
        },
        guardian: minor
          ? { name: text('guardian.name'), email: text('guardian.email'), consent: data.has('guardian.consent') }
          : null,
        idempotencyKey: this.#idempotencyKey,
      },
    });
    this.sending = false;
    const payload = result.data?.signUp;
    if (payload?.__typename === 'SignUpPayload') {
      this.done = { status: payload.status, email };
      this.errors = {};
      this.formError = null;
      this.#idempotencyKey = newKey();
      this.dispatchEvent(
        new TandemSignedUpEvent({
          applicationId: payload.applicationId,
          opportunityId: payload.opportunity.id,
          status: payload.status,
        }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=confirmation]')?.focus();
      return;
    }
    const problems = this.problems(result.error, isApiError(payload) ? payload : null);
    const fields: Record<string, string> = {};
    for (const [key, message] of Object.entries(problems.fields)) {
      // answers.<index>.value → answers.<questionId>: answers were sent in question order.
      const index = /^answers\.(\d+)\./.exec(key)?.[1];
      const question = index === undefined ? undefined : opportunity.questions[Number(index)];
      fields[question ? `answers.${question.id}` : key] = message;
    }
    const ruleField = RULE_FIELDS[problems.code];
    if (ruleField) fields[ruleField] = problems.message;
    this.#showErrors(problems.message, fields);
  }

  async #showErrors(message: string, fields: Record<string, string>) {
    this.formError = message;
    this.errors = fields;
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
    (first ?? this.renderRoot.querySelector<HTMLElement>('[part~=error]'))?.focus();
  }

  /** aria attributes and the message element of a field. */
  #problem(key: string, hint?: string) {
    const message = this.errors[key];
    const ids = [hint ? `${idFor(key)}-hint` : '', message ? `${idFor(key)}-error` : ''].filter(Boolean).join(' ');
    return {
      invalid: message ? 'true' : 'false',
      describedBy: ids || nothing,
      messages: html`${hint ? html`<span id="${idFor(key)}-hint" class="hint">${hint}</span>` : nothing}
      ${message ? html`<p id="${idFor(key)}-error" class="error" part="error">${message}</p>` : nothing}`,
    };
  }

  #input(
    key: string,
    label: string,
    type: string,
    options: { autocomplete?: string; hint?: string; required?: boolean } = {},
  ) {
    const p = this.#problem(key, options.hint);
    return html`<div class="field" part="field">
      <label for=${idFor(key)}>${label}</label>
      <input
        id=${idFor(key)}
        name=${key}
        type=${type}
        autocomplete=${options.autocomplete ?? nothing}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${p.invalid}
        aria-describedby=${p.describedBy}
        @input=${key === 'birthDate' ? (e: Event) => (this.birthDate = (e.target as HTMLInputElement).value) : nothing}
      />
      ${p.messages}
    </div>`;
  }

  #check(key: string, label: string) {
    const p = this.#problem(key);
    return html`<div part="field">
      <label class="check"
        ><input
          type="checkbox"
          name=${key}
          id=${idFor(key)}
          aria-invalid=${p.invalid}
          aria-describedby=${p.describedBy}
        />
        <span>${label}</span></label
      >
      ${p.messages}
    </div>`;
  }

  /** A group of radios or checkboxes in a fieldset; the fieldset carries the error. */
  #group(
    key: string,
    legend: string,
    type: 'radio' | 'checkbox',
    name: string,
    choices: { value: string; label: string }[],
    checked?: string,
  ) {
    const p = this.#problem(key);
    return html`<fieldset
      class="field"
      part="field"
      aria-describedby=${p.describedBy}
      aria-invalid=${p.invalid}
      tabindex=${p.invalid === 'true' ? '-1' : nothing}
    >
      <legend>${legend}</legend>
      ${choices.map(
        (c) =>
          html`<label class="check"
            ><input
              type=${type}
              name=${name}
              .value=${c.value}
              ?checked=${checked === c.value}
              @change=${name === 'shiftId' ? () => (this.shiftId = c.value) : nothing}
            /><span>${c.label}</span></label
          >`,
      )}
      ${p.messages}
    </fieldset>`;
  }

  #question(q: Question): TemplateResult {
    const key = `answers.${q.id}`;
    const label = q.required ? q.label : `${q.label} (${this.t('common.optional')})`;
    switch (q.type) {
      case 'YES_NO':
        return this.#group(key, label, 'radio', `q.${q.id}`, [
          { value: 'true', label: this.t('common.yes') },
          { value: 'false', label: this.t('common.no') },
        ]);
      case 'SINGLE_CHOICE':
        return this.#group(key, label, 'radio', `q.${q.id}`, [...q.choices]);
      case 'MULTIPLE_CHOICE':
        return this.#group(key, label, 'checkbox', `q.${q.id}`, [...q.choices]);
      default: {
        const p = this.#problem(key);
        const attrs = { id: idFor(key), invalid: p.invalid, describedBy: p.describedBy };
        return html`<div class="field" part="field">
          <label for=${attrs.id}>${label}</label>
          ${
            q.type === 'LONG_TEXT'
              ? html`<textarea
                  id=${attrs.id}
                  name="q.${q.id}"
                  aria-invalid=${attrs.invalid}
                  aria-describedby=${attrs.describedBy}
                ></textarea>`
              : html`<input
                  id=${attrs.id}
                  name="q.${q.id}"
                  aria-invalid=${attrs.invalid}
                  aria-describedby=${attrs.describedBy}
                />`
          }
          ${p.messages}
        </div>`;
      }
    }
  }

  #renderForm(o: Opportunity) {
    const shifts = this.#openShifts();
    const minAge = o.minAge ? ` ${this.t('signup.minAge', { minAge: o.minAge })}` : '';
    const motivation = this.#problem('motivation');
    return html`<form part="form" novalidate @submit=${this.#submit}>
      ${
        this.formError
          ? html`<div class="notice error-notice" part="error" role="alert" tabindex="-1">${this.formError}</div>`
          : nothing
      }
      ${
        shifts.length
          ? this.#group(
              'shiftId',
              this.t('signup.shift'),
              'radio',
              'shiftId',
              shifts.map((s) => ({
                value: s.id,
                label: `${s.label ? `${s.label}: ` : ''}${this.localize.range(s.startsAt, s.endsAt)} (${
                  s.freePlaces > 0 ? this.t('signup.shiftFree', { count: s.freePlaces }) : this.t('signup.shiftFull')
                })`,
              })),
              this.shiftId,
            )
          : nothing
      }
      ${this.#input('name', this.t('signup.name'), 'text', { autocomplete: 'name', required: true })}
      ${this.#input('email', this.t('signup.email'), 'email', { autocomplete: 'email', required: true })}
      ${this.#input('birthDate', this.t('signup.birthDate'), 'date', {
        autocomplete: 'bday',
        required: true,
        hint: `${this.t('signup.birthDateHint')}${minAge}`,
      })}
      ${
        this.#minor
          ? html`<fieldset class="guardian">
              <legend>${this.t('signup.guardian')}</legend>
              <p class="hint">${this.t('signup.guardianHint')}</p>
              ${this.#input('guardian.name', this.t('signup.guardianName'), 'text', { required: true })}
              ${this.#input('guardian.email', this.t('signup.guardianEmail'), 'email', { required: true })}
              ${this.#check('guardian.consent', this.t('signup.guardianConsent'))}
            </fieldset>`
          : nothing
      }
      <div class="field" part="field">
        <label for="f-motivation">${this.t('signup.motivation')} (${this.t('common.optional')})</label>
        <textarea
          id="f-motivation"
          name="motivation"
          aria-invalid=${motivation.invalid}
          aria-describedby=${motivation.describedBy}
        ></textarea>
        ${motivation.messages}
      </div>
      ${
        o.questions.length
          ? html`<fieldset>
              <legend>${this.t('signup.questions')}</legend>
              ${o.questions.map((q) => this.#question(q))}
            </fieldset>`
          : nothing
      }
      <fieldset>
        <legend>${this.t('signup.consents')}</legend>
        ${this.#check('consent.dataProcessing', this.t('signup.dataProcessing', { organization: o.organization.name }))}
        ${this.#check('consent.photos', this.t('signup.photos'))}
        ${this.#check('consent.newsletter', this.t('signup.newsletter'))}
      </fieldset>
      <button part="button" aria-disabled=${this.sending ? 'true' : 'false'}>
        ${this.sending ? this.t('signup.sending') : this.t('signup.submit')}
      </button>
    </form>`;
  }

  override render() {
    const o = this.data;
    if (this.loadError)
      return html`<div class="notice error-notice" part="error" role="alert" tabindex="-1">${this.loadError}</div>`;
    if (!o) return html`<p part="status" role="status" tabindex="-1">${this.t('common.loading')}</p>`;
    const closed = o.status !== 'PUBLISHED' || (o.applyBy && new Date(o.applyBy) < new Date());
    const done = this.done;
    return html`<section part="base" aria-labelledby="signup-title">
      <h2 id="signup-title" part="title" tabindex="-1">${this.t('signup.title', { title: o.title })}</h2>
      ${
        done
          ? html`<div part="confirmation" class="notice success" role="status" tabindex="-1">
              <h2>${this.t('signup.thanks')}</h2>
              <p>
                ${this.t(
                  done.status === 'WAITLISTED'
                    ? 'signup.waitlisted'
                    : done.status === 'ACCEPTED'
                      ? 'signup.accepted'
                      : 'signup.pending',
                  { title: o.title, email: done.email },
                )}
              </p>
            </div>`
          : closed
            ? html`<p class="notice">${this.t('signup.closed')}</p>`
            : this.#renderForm(o)
      }
    </section>`;
  }
}

define('tandem-signup', TandemSignup);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-signup': TandemSignup;
  }
}
