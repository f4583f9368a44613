import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { define } from '../core/define.ts';
import type { ApiErrorResult } from '../core/errors.ts';
import { TandemHoursLoggedEvent } from '../core/events.ts';
import type { ResultOf } from '../core/graphql.ts';
import { registerMessages } from '../core/localize.ts';
import { TandemElement } from '../core/tandem-element.ts';
import { describedBy, field, fieldError, moveFocus, newKey } from '../sign-in/form.ts';
import { duration } from './duration.ts';
import { account, accountStyles, focusOnSignIn } from '../sign-in/account.ts';
import { hourMessages } from './hour-messages.ts';
import { messages } from './messages.ts';
import { HourLoggerData, LogHours } from './operations.ts';
import { styles } from './tandem-hour-logger.styles.ts';

registerMessages(hourMessages);
registerMessages(messages);

type Data = ResultOf<typeof HourLoggerData>;
type Entry = Data['myHourLogs']['edges'][number]['node'];
type WorkType = 'CONTENT' | 'ORGANISATIONAL' | 'OTHER';
const WORK_TYPES: WorkType[] = ['CONTENT', 'ORGANISATIONAL', 'OTHER'];

/** Where hours can be logged: an accepted placement, or other work for an organisation. */
interface Placement {
  value: string;
  label: string;
  organizationId: string;
  opportunityId: string | null;
}

/** Today in the visitor's time zone, as YYYY-MM-DD. */
const today = () => new Date().toLocaleDateString('sv');

/**
 * @summary Lets a volunteer log their hours (the legal record of volunteering) and see their entries with
 * the reviewer's decision and the year's totals. Signs the volunteer in first when needed.
 *
 * @attr organization - Organisation slug: offer only this organisation's placements (and other work for it).
 *
 * @event tandem-hours-logged - Hours were logged; `detail.hourLogId` is the entry's global id. A retried
 * or double-clicked submit stores (and reports) one entry.
 * @event tandem-signed-in - The volunteer signed in through the built-in sign-in form.
 * @event tandem-signed-out - The volunteer signed out.
 * @event tandem-error - A request failed; `detail.code` and `detail.message` say why.
 *
 * @csspart base - The wrapper.
 * @csspart title - The widget's heading.
 * @csspart form - The form for new hours, and the sign-in form before the volunteer signs in.
 * @csspart field - A label with its control.
 * @csspart button - The buttons.
 * @csspart error - Error messages (form-level and per field).
 * @csspart status - The confirmation after logging.
 * @csspart account - "Signed in as …" with the sign-out button.
 * @csspart totals - The year's approved, waiting and rejected hours.
 * @csspart list - The list of entries.
 * @csspart item - One entry.
 */
export class TandemHourLogger extends TandemElement {
  static override styles = [...TandemElement.styles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    data: { state: true },
    entries: { state: true },
    year: { state: true },
    busy: { state: true },
    message: { state: true },
    done: { state: true },
    fields: { state: true },
  };

  declare private data: Data | null;
  declare private entries: Entry[];
  declare private year: number;
  declare private busy: boolean;
  declare private message: string;
  declare private done: string;
  declare private fields: Record<string, string>;
  /** The idempotency key of the form as it is being filled in; a new one after each stored entry. */
  private fillKey = newKey();
  private loads = 0;

  constructor() {
    super();
    focusOnSignIn(this);
    this.data = null;
    this.entries = [];
    this.year = new Date().getFullYear();
    this.busy = false;
    this.message = '';
    this.done = '';
    this.fields = {};
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['api', 'key', 'lang', 'organization'].some((name) => changed.has(name))) void this.load();
  }

  protected override sessionChanged(): void {
    super.sessionChanged();
    this.done = '';
    void this.load();
  }

  private async load(after?: string): Promise<void> {
    const load = ++this.loads;
    if (!this.session) {
      this.data = null;
      this.entries = [];
      return;
    }
    const result = await this.query(HourLoggerData, {
      year: this.year,
      organization: this.organization || null,
      slug: this.organization,
      after: after ?? null,
    });
    if (load !== this.loads) return;
    if (!result.data) {
      this.message = this.problems(result.error).message;
      return;
    }
    this.data = result.data;
    const nodes = result.data.myHourLogs.edges.map((edge) => edge.node);
    this.entries = after ? [...this.entries, ...nodes] : nodes;
  }

  private placements(): Placement[] {
    const data = this.data;
    if (!data?.me) return [];
    const placements: Placement[] = [];
    const organizations = new Map<string, string>();
    for (const { node } of data.me.applications.edges) {
      const { opportunity } = node;
      organizations.set(opportunity.organization.id, opportunity.organization.name);
      // Several accepted sign-ups (shifts) for one opportunity are one placement.
      if (placements.some((p) => p.opportunityId === opportunity.id)) continue;
      placements.push({
        value: `o:${opportunity.id}`,
        label: `${opportunity.title} (${opportunity.organization.name})`,
        organizationId: opportunity.organization.id,
        opportunityId: opportunity.id,
      });
    }
    // Agreements in force (all the query asks for) and memberships allow work without a sign-up.
    for (const { organization } of [...data.me.agreements, ...data.me.memberships]) {
      if (!this.organization || organization.slug === this.organization) {
        organizations.set(organization.id, organization.name);
      }
    }
    if (data.organization) organizations.set(data.organization.id, data.organization.name);
    for (const [id, name] of organizations) {
      placements.push({
        value: `g:${id}`,
        label: this.t('logger.otherWork', { organization: name }),
        organizationId: id,
        opportunityId: null,
      });
    }
    return placements;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // A second click while the first request is under way sends nothing; a retry after a failure sends the same key.
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const value = (name: string) => String(values.get(name) ?? '').trim();
    const placement = this.placements().find((p) => p.value === value('placement'));
    const date = value('date');
    const minutes = Math.round(Number(value('hours') || 0) * 60) + Number(value('minutes') || 0);
    const activity = value('activity');
    const fields: Record<string, string> = {};
    if (!placement) fields.placement = this.t('logger.required');
    if (!date) fields.date = this.t('logger.required');
    else if (date > today()) fields.date = this.t('logger.futureDate');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) fields.minutes = this.t('logger.durationRange');
    if (activity.length < 2) fields.activity = this.t('logger.activityShort');
    this.fields = fields;
    this.message = '';
    this.done = '';
    if (!placement || Object.keys(fields).length) return moveFocus(this);

    this.busy = true;
    const result = await this.mutate(LogHours, {
      input: {
        organizationId: placement.organizationId,
        opportunityId: placement.opportunityId,
        date,
        minutes,
        activity,
        workType: (value('workType') || 'CONTENT') as WorkType,
        place: value('place') || null,
        idempotencyKey: this.fillKey,
      },
    });
    this.busy = false;
    const payload = result.data?.logHours;
    if (payload?.__typename === 'HourLogPayload') {
      this.fillKey = newKey();
      for (const name of ['hours', 'minutes', 'activity', 'place']) {
        (form.elements.namedItem(name) as HTMLInputElement).value = '';
      }
      this.done = this.t('logger.logged', { duration: duration(minutes), date: this.localize.date(date) });
      this.dispatchEvent(new TandemHoursLoggedEvent({ hourLogId: payload.hourLog.id }));
      // Focus goes to the confirmation as soon as it shows, not after the list has reloaded:
      // a screen reader would otherwise announce nothing until then, and a later move could
      // take focus from wherever the volunteer has gone meanwhile.
      await moveFocus(this);
      await this.load();
      return;
    }
    if (payload && 'code' in payload && payload.code === 'IDEMPOTENCY_CONFLICT') {
      // An earlier attempt whose answer was lost was stored, and the form has changed since.
      this.fillKey = newKey();
      this.message = this.t('logger.conflict');
      await moveFocus(this);
      await this.load();
      return;
    }
    const problems = this.problems(result.error, payload as ApiErrorResult | undefined);
    this.message = problems.message;
    // The API names the placement by opportunityId or organizationId.
    const { opportunityId, organizationId, ...others } = problems.fields;
    this.fields = { ...others, placement: opportunityId ?? organizationId ?? '' };
    await moveFocus(this);
  }

  private changeYear(event: Event): void {
    this.year = Number((event.target as HTMLSelectElement).value);
    void this.load();
  }

  override render() {
    return html`<section part="base" aria-labelledby="logger-title">
      <h2 part="title" id="logger-title">${this.t('logger.title')}</h2>
      ${account(this, this.data?.me?.name)} ${this.session ? this.renderSignedIn() : nothing}
    </section>`;
  }

  private renderSignedIn() {
    if (!this.data) {
      return html`<p role="status">${this.message || this.t('common.loading')}</p>`;
    }
    return html`${this.renderForm()}${this.renderEntries()}`;
  }

  private renderForm() {
    const placements = this.placements();
    if (!placements.length) return html`<p class="notice">${this.t('logger.noPlacement')}</p>`;
    const f = this.fields;
    const only = placements.length === 1 ? placements[0]!.value : '';
    const invalid = (name: string) => (f[name] ? 'true' : 'false');
    const number = (name: string, max: number, step: string) =>
      html`<label class="inline">
        <input
          name=${name}
          type="number"
          min="0"
          max=${max}
          step=${step}
          inputmode="decimal"
          aria-invalid=${invalid('minutes')}
          aria-describedby=${describedBy('minutes', f.minutes)}
        />
        ${this.t(`logger.${name}`)}
      </label>`;
    return html`<form part="form" novalidate @submit=${this.submit}>
      <div
        role="status"
        part="status"
        class=${this.done ? 'notice success' : ''}
        tabindex="-1"
        ?data-focus=${!!this.done}
      >
        ${this.done}
      </div>
      ${
        this.message
          ? html`<p part="error" class="notice error-notice" role="alert" tabindex="-1" data-focus>${this.message}</p>`
          : nothing
      }
      ${field(
        'placement',
        this.t('logger.placement'),
        html`<select
          id="placement"
          name="placement"
          required
          aria-invalid=${invalid('placement')}
          aria-describedby=${describedBy('placement', f.placement)}
        >
          ${only ? nothing : html`<option value="">${this.t('logger.choose')}</option>`}
          ${placements.map((p) => html`<option value=${p.value} ?selected=${p.value === only}>${p.label}</option>`)}
        </select>`,
        f.placement,
      )}
      <div class="grid">
        ${field(
          'date',
          this.t('logger.date'),
          html`<input
            id="date"
            name="date"
            type="date"
            required
            max=${today()}
            value=${today()}
            aria-invalid=${invalid('date')}
            aria-describedby=${describedBy('date', f.date)}
          />`,
          f.date,
        )}
        <fieldset class="field" part="field">
          <legend>${this.t('logger.duration')}</legend>
          <div class="row">${number('hours', 24, 'any')} ${number('minutes', 59, '1')}</div>
          ${fieldError('minutes', f.minutes)}
        </fieldset>
      </div>
      ${field(
        'activity',
        this.t('logger.activity'),
        html`<textarea
          id="activity"
          name="activity"
          required
          maxlength="2000"
          aria-invalid=${invalid('activity')}
          aria-describedby=${describedBy('activity', f.activity)}
        ></textarea>`,
        f.activity,
      )}
      <div class="grid">
        ${field(
          'workType',
          this.t('logger.workType'),
          html`<select id="workType" name="workType">
            ${WORK_TYPES.map((w) => html`<option value=${w}>${this.t(`hours.workType.${w}`)}</option>`)}
          </select>`,
        )}
        ${field(
          'place',
          html`${this.t('logger.place')} <span class="hint">(${this.t('common.optional')})</span>`,
          html`<input
            id="place"
            name="place"
            maxlength="300"
            aria-invalid=${invalid('place')}
            aria-describedby=${describedBy('place', f.place)}
          />`,
          f.place,
        )}
      </div>
      <button part="button" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t('logger.submit')}</button>
    </form>`;
  }

  private renderEntries() {
    const data = this.data!;
    const summary = data.hourSummary;
    const thisYear = new Date().getFullYear();
    return html`<section aria-labelledby="entries-title">
      <h3 id="entries-title">${this.t('logger.entries')}</h3>
      <div class="row">
        <label for="year">${this.t('logger.year')}</label>
        <select id="year" class="year" @change=${this.changeYear}>
          ${[0, 1, 2, 3, 4].map(
            (n) => html`<option value=${thisYear - n} ?selected=${thisYear - n === this.year}>${thisYear - n}</option>`,
          )}
        </select>
      </div>
      <div aria-live="polite">
        <h4>${this.t('logger.totals', { year: this.year })}</h4>
        <dl part="totals" class="totals">
          ${(
            [
              ['APPROVED', summary.approvedMinutes],
              ['SUBMITTED', summary.submittedMinutes],
              ['REJECTED', summary.rejectedMinutes],
            ] as const
          ).map(
            ([status, minutes]) =>
              html`<dt>${this.t(`hours.status.${status}`)}:</dt>
                <dd>${duration(minutes)}</dd>`,
          )}
        </dl>
      </div>
      ${
        this.entries.length
          ? html`<ul part="list">
              ${this.entries.map(
                (entry) =>
                  html`<li part="item">
                    <strong
                      >${this.localize.date(entry.date)} · ${duration(entry.minutes)} ·
                      ${this.t(`hours.status.${entry.status}`)}</strong
                    >
                    <p class="muted">
                      ${entry.opportunity?.title ?? entry.organization.name} ·
                      ${this.t(`hours.workType.${entry.workType}`)}
                    </p>
                    <p>${entry.activity}</p>
                    ${
                      entry.reviewNote
                        ? html`<p>
                            <strong>${this.t('hours.reviewNote', { name: entry.reviewer?.name ?? '—' })}</strong>
                            ${entry.reviewNote}
                          </p>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${this.t('logger.none')}</p>`
      }
      ${
        data.myHourLogs.pageInfo.hasNextPage
          ? html`<button
              part="button"
              class="secondary"
              @click=${() => this.load(data.myHourLogs.pageInfo.endCursor ?? undefined)}
            >
              ${this.t('logger.more')}
            </button>`
          : nothing
      }
    </section>`;
  }
}

define('tandem-hour-logger', TandemHourLogger);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-hour-logger': TandemHourLogger;
  }
}
