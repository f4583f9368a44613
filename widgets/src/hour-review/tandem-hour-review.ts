import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { define } from '../core/define.ts';
import type { ApiErrorResult } from '../core/errors.ts';
import { TandemHourReviewedEvent } from '../core/events.ts';
import type { ResultOf } from '../core/graphql.ts';
import { registerMessages } from '../core/localize.ts';
import { TandemElement } from '../core/tandem-element.ts';
import { hourMessages } from '../hour-logger/hour-messages.ts';
import { duration } from '../hour-logger/duration.ts';
import { describedBy, field } from '../sign-in/form.ts';
import { account, accountStyles, focusOnSignIn } from '../sign-in/account.ts';
import { messages } from './messages.ts';
import { HourReviewQueue, ReviewHourLog } from './operations.ts';
import { styles } from './tandem-hour-review.styles.ts';

registerMessages(hourMessages);
registerMessages(messages);

type Queue = ResultOf<typeof HourReviewQueue>['hourLogsToReview'];
type Entry = Queue['edges'][number]['node'];

/**
 * @summary The review queue of mentors and coordinators: their mentees' (or their organisation's) logged
 * hours, oldest first, to approve or reject with a note to the volunteer. Signs the reviewer in first when
 * needed; a volunteer without a reviewing role sees an empty queue.
 *
 * @attr organization - Organisation slug: only this organisation's hours.
 *
 * @event tandem-hour-reviewed - Hours were approved or rejected; `detail.hourLogId`, `detail.status`
 * (APPROVED or REJECTED).
 * @event tandem-signed-in - The reviewer signed in through the built-in sign-in form.
 * @event tandem-signed-out - The reviewer signed out.
 * @event tandem-error - A request failed; `detail.code` and `detail.message` say why.
 *
 * @csspart base - The wrapper.
 * @csspart title - The widget's heading.
 * @csspart form - The sign-in form, before the mentor signs in (its title, fields, buttons and errors take the parts below).
 * @csspart list - The queue.
 * @csspart item - One hour entry with its decision.
 * @csspart field - The note with its label.
 * @csspart button - The buttons.
 * @csspart error - Error messages.
 * @csspart status - The confirmation after a decision.
 * @csspart account - "Signed in as …" with the sign-out button.
 */
export class TandemHourReview extends TandemElement {
  static override styles = [...TandemElement.styles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    entries: { state: true },
    name: { state: true },
    total: { state: true },
    next: { state: true },
    busy: { state: true },
    notes: { state: true },
    errors: { state: true },
    message: { state: true },
    done: { state: true },
  };

  /** Null until the queue has loaded. */
  declare private entries: Entry[] | null;
  /** The reviewer's name. */
  declare private name: string | undefined;
  declare private total: number;
  /** Cursor of the next page, if there is one. */
  declare private next: string | null;
  /** Id of the entry whose decision is being sent. */
  declare private busy: string;
  /** Notes typed so far, by entry id. */
  declare private notes: Record<string, string>;
  /** Note errors, by entry id. */
  declare private errors: Record<string, string>;
  declare private message: string;
  declare private done: string;
  private loads = 0;

  constructor() {
    super();
    focusOnSignIn(this);
    this.entries = null;
    this.total = 0;
    this.next = null;
    this.busy = '';
    this.notes = {};
    this.errors = {};
    this.message = '';
    this.done = '';
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
      this.entries = null;
      return;
    }
    const result = await this.query(HourReviewQueue, {
      organization: this.organization || null,
      after: after ?? null,
    });
    if (load !== this.loads) return;
    const queue = result.data?.hourLogsToReview;
    if (!queue) {
      this.message = this.problems(result.error).message;
      return;
    }
    const nodes = queue.edges.map((edge) => edge.node);
    this.entries = after ? [...(this.entries ?? []), ...nodes] : nodes;
    this.name = result.data?.me?.name;
    this.total = queue.totalCount;
    this.next = queue.pageInfo.hasNextPage ? (queue.pageInfo.endCursor ?? null) : null;
  }

  private async decide(entry: Entry, decision: 'APPROVE' | 'REJECT', index: number): Promise<void> {
    if (this.busy) return;
    const note = (this.notes[entry.id] ?? '').trim();
    this.message = '';
    this.done = '';
    this.errors = { ...this.errors, [entry.id]: '' };
    if (decision === 'REJECT' && !note) {
      this.errors = { ...this.errors, [entry.id]: this.t('review.noteRequired') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#note-${index}`)?.focus();
      return;
    }
    this.busy = entry.id;
    const result = await this.mutate(ReviewHourLog, { input: { hourLogId: entry.id, decision, note: note || null } });
    this.busy = '';
    const payload = result.data?.reviewHourLog;
    if (payload?.__typename === 'HourLogPayload') {
      const status = payload.hourLog.status;
      this.entries = (this.entries ?? []).filter((e) => e.id !== entry.id);
      this.total -= 1;
      this.done = this.t(status === 'APPROVED' ? 'review.approved' : 'review.rejected', {
        duration: duration(entry.minutes),
        name: entry.volunteer.name,
        date: this.localize.date(entry.date),
      });
      this.dispatchEvent(new TandemHourReviewedEvent({ hourLogId: entry.id, status }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
      return;
    }
    const problems = this.problems(result.error, payload as ApiErrorResult | undefined);
    if (problems.fields.note) {
      this.errors = { ...this.errors, [entry.id]: problems.fields.note };
    } else {
      this.message = problems.message;
      // Someone else decided first, or the entry is gone: show the queue as it is now.
      if (problems.code === 'ALREADY_REVIEWED' || problems.code === 'NOT_FOUND') await this.load();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(problems.fields.note ? `#note-${index}` : '#problem')?.focus();
  }

  override render() {
    return html`<section part="base" aria-labelledby="review-title">
      <h2 part="title" id="review-title">${this.t('review.title')}</h2>
      ${account(this, this.name)} ${this.session ? this.renderQueue() : nothing}
    </section>`;
  }

  private renderQueue() {
    const entries = this.entries;
    return html`<div part="status" id="done" role="status" tabindex="-1" class=${this.done ? 'notice success' : ''}>
        ${this.done}
      </div>
      ${
        this.message
          ? html`<p part="error" id="problem" class="notice error-notice" role="alert" tabindex="-1">
              ${this.message}
            </p>`
          : nothing
      }
      ${
        entries === null
          ? this.message
            ? nothing
            : html`<p role="status">${this.t('common.loading')}</p>`
          : html`<p aria-live="polite" class="muted">
                ${this.total ? this.t('review.waiting', { count: this.total }) : this.t('review.empty')}
              </p>
              <ul part="list" class="list">
                ${entries.map((entry, index) => this.renderEntry(entry, index))}
              </ul>
              ${
                this.next
                  ? html`<button part="button" class="secondary" @click=${() => this.load(this.next ?? undefined)}>
                      ${this.t('review.more')}
                    </button>`
                  : nothing
              }`
      }`;
  }

  private renderEntry(entry: Entry, index: number) {
    const id = `note-${index}`;
    const error = this.errors[entry.id];
    const busy = this.busy === entry.id;
    return html`<li part="item" class="item" aria-labelledby="who-${index}">
      <h3 id="who-${index}">
        ${entry.volunteer.name} · ${this.localize.date(entry.date)} · ${duration(entry.minutes)}
      </h3>
      <p class="muted">
        ${entry.opportunity?.title ?? entry.organization.name} ·
        ${this.t(`hours.workType.${entry.workType}`)}${entry.place ? ` · ${entry.place}` : ''}
      </p>
      <p class="activity">${entry.activity}</p>
      ${field(
        id,
        this.t('review.note'),
        // Bound to the notes by entry: Lit reuses the text boxes by position when an entry leaves the list.
        html`<textarea
          id=${id}
          rows="2"
          maxlength="2000"
          .value=${this.notes[entry.id] ?? ''}
          @input=${(event: Event) => {
            this.notes = { ...this.notes, [entry.id]: (event.target as HTMLTextAreaElement).value };
          }}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(id, error, `${id}-hint`)}
        ></textarea>`,
        error,
        this.t('review.noteHint'),
      )}
      <div class="row">
        <button
          part="button"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-describedby="who-${index}"
          @click=${() => this.decide(entry, 'APPROVE', index)}
        >
          ${this.t('review.approve')}
        </button>
        <button
          part="button"
          class="secondary"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-describedby="who-${index}"
          @click=${() => this.decide(entry, 'REJECT', index)}
        >
          ${this.t('review.reject')}
        </button>
      </div>
    </li>`;
  }
}

define('tandem-hour-review', TandemHourReview);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-hour-review': TandemHourReview;
  }
}
