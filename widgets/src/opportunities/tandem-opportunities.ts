import { html, nothing, type PropertyValues } from 'lit';
import { define, registerMessages, TandemElement, type ResultOf } from '../core/index.ts';
import { messages } from './messages.ts';
import { PublicFilters, PublicOpportunities } from './operations.ts';
import { styles } from './tandem-opportunities.styles.ts';

registerMessages(messages);

type Connection = ResultOf<typeof PublicOpportunities>['opportunities'];
type Opportunity = Connection['edges'][number]['node'];
type Filters = ResultOf<typeof PublicFilters>;

interface Filter {
  search: string;
  area: string;
  region: string;
  organization: string;
  project: string;
  upcoming: boolean;
}

const FILTER_ATTRIBUTES = ['search', 'area', 'region', 'organization', 'project', 'upcoming'] as const;

/**
 * Published volunteering opportunities: search, filters, pages and a detail view with the sign-up form.
 *
 * @summary Searchable list of opportunities; each opens its detail and `<tandem-signup>`.
 *
 * @attr api - Origin of the Tandem API (default: where tandem.js was loaded from).
 * @attr key - Publishable key (`pk_…`) allowing this page's origin.
 * @attr organization - Organisation slug: only its opportunities (the organisation filter is then hidden).
 * @attr lang - `sl` (default) or `en`.
 * @attr theme - `light`, `dark` or `auto` (default).
 * @attr area - Area code to start with, e.g. `SOCIAL`.
 * @attr region - Region code to start with, e.g. `podravska`.
 * @attr project - Project slug to start with.
 * @attr search - Words to start with.
 * @attr upcoming - Only opportunities that have not ended (visitors can change it).
 * @attr page-size - Opportunities per page (1–50, default 10).
 *
 * @event tandem-signed-up - From the sign-up form inside: `{ applicationId, opportunityId, status }`.
 * @event tandem-error - A request failed: `{ code, message }`.
 *
 * @csspart base - The wrapper.
 * @csspart form - The search and filter form.
 * @csspart field - Each filter field.
 * @csspart button - Buttons.
 * @csspart count - The result count (a live region).
 * @csspart list - The list of opportunities.
 * @csspart item - One opportunity in the list.
 * @csspart title - An opportunity's title.
 * @csspart detail - The detail view.
 * @csspart error - Error messages.
 *
 * @cssproperty --tandem-color-primary - Buttons, links and focus rings.
 * @cssproperty --tandem-color-on-primary - Text on primary buttons.
 * @cssproperty --tandem-color-text - Body text.
 * @cssproperty --tandem-color-muted - Secondary text.
 * @cssproperty --tandem-color-surface - Background.
 * @cssproperty --tandem-color-border - Borders.
 * @cssproperty --tandem-color-danger - Errors.
 * @cssproperty --tandem-color-success - Confirmations.
 * @cssproperty --tandem-radius - Corner radius.
 * @cssproperty --tandem-font-family - Font.
 * @cssproperty --tandem-space - Base spacing.
 */
export class TandemOpportunities extends TandemElement {
  static override styles = [...TandemElement.styles, styles];

  static override properties = {
    ...TandemElement.properties,
    area: { reflect: true },
    region: { reflect: true },
    project: { reflect: true },
    search: { reflect: true },
    upcoming: { type: Boolean, reflect: true },
    pageSize: { type: Number, attribute: 'page-size', reflect: true },
    filter: { state: true },
    options: { state: true },
    result: { state: true },
    pageIndex: { state: true },
    resultPage: { state: true },
    loading: { state: true },
    failure: { state: true },
    selected: { state: true },
    signingUp: { state: true },
  };

  declare area: string;
  declare region: string;
  declare project: string;
  declare search: string;
  declare upcoming: boolean;
  declare pageSize: number;
  declare filter: Filter;
  declare options: Filters | null;
  declare result: Connection | null;
  /** 0-based page; cursors[i] is the `after` of page i. */
  declare pageIndex: number;
  /** The page `result` holds: the count announces it, not the page still loading. */
  declare resultPage: number;
  declare loading: boolean;
  declare failure: string | null;
  declare selected: Opportunity | null;
  declare signingUp: boolean;

  #cursors: (string | null)[] = [null];
  #request = 0;

  constructor() {
    super();
    this.area = this.region = this.project = this.search = '';
    this.upcoming = false;
    this.pageSize = 10;
    this.filter = { search: '', area: '', region: '', organization: '', project: '', upcoming: false };
    this.options = null;
    this.result = null;
    this.pageIndex = 0;
    this.resultPage = 0;
    this.loading = false;
    this.failure = null;
    this.selected = null;
    this.signingUp = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const attributes = FILTER_ATTRIBUTES.some((name) => changed.has(name));
    if (attributes) {
      this.filter = {
        search: this.search,
        area: this.area,
        region: this.region,
        organization: this.organization,
        project: this.project,
        upcoming: this.upcoming,
      };
    }
    const connection = ['api', 'key', 'lang'].some((name) => changed.has(name));
    if (attributes || connection || changed.has('filter') || changed.has('pageSize')) {
      this.#cursors = [null];
      this.pageIndex = 0;
      void this.#load();
    }
    if (connection) void this.#loadOptions();
  }

  async #loadOptions() {
    const { data } = await this.query(PublicFilters, {});
    if (data) this.options = data;
  }

  async #load() {
    const request = ++this.#request;
    const page = this.pageIndex;
    this.loading = true;
    const f = this.filter;
    const result = await this.query(PublicOpportunities, {
      first: Math.min(Math.max(Math.trunc(this.pageSize) || 10, 1), 50),
      after: this.#cursors[page] ?? null,
      filter: {
        search: f.search.trim() || null,
        area: f.area || null,
        region: f.region || null,
        organization: f.organization || null,
        project: f.project || null,
        upcoming: f.upcoming || null,
      },
    });
    // An older answer that arrives after a newer request is dropped.
    if (request !== this.#request) return;
    this.loading = false;
    if (result.data) {
      this.result = result.data.opportunities;
      this.resultPage = page;
      this.failure = null;
      this.#cursors[page + 1] = this.result.pageInfo.endCursor ?? null;
    } else {
      this.failure = this.problems(result.error).message;
    }
  }

  #submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '');
    this.filter = {
      search: value('search'),
      area: value('area'),
      region: value('region'),
      organization: this.organization || value('organization'),
      project: value('project'),
      upcoming: data.has('upcoming'),
    };
  }

  async #page(step: number) {
    if (this.loading) return;
    this.pageIndex += step;
    await this.#load();
    this.renderRoot.querySelector<HTMLElement>('[part=count]')?.focus();
  }

  async #open(opportunity: Opportunity | null) {
    const from = this.selected;
    this.selected = opportunity;
    this.signingUp = false;
    await this.updateComplete;
    if (opportunity) this.renderRoot.querySelector<HTMLElement>('[part=detail] h2')?.focus();
    else if (from) this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(from.id)}"]`)?.focus();
  }

  async #signUp() {
    await import('../signup/tandem-signup.ts');
    this.signingUp = true;
    await this.updateComplete;
    // The button that had focus is gone: hand focus to the form instead of the page.
    this.renderRoot.querySelector<HTMLElement>('tandem-signup')?.focus();
  }

  #select(name: keyof Filter, label: string, choices: readonly { value: string; label: string }[]) {
    const id = `f-${name}`;
    return html`<div class="field" part="field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${name} @change=${(e: Event) => (e.target as HTMLSelectElement).form?.requestSubmit()}>
        <option value="">${this.t('opp.any')}</option>
        ${choices.map((c) => html`<option value=${c.value} ?selected=${this.filter[name] === c.value}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  #renderForm() {
    const o = this.options;
    const nodes = <T>(connection?: { edges: readonly { node: T }[] }) => connection?.edges.map((e) => e.node) ?? [];
    const code = (list?: readonly { code: string; name: string }[]) =>
      list?.map((x) => ({ value: x.code, label: x.name })) ?? [];
    const slug = (list: readonly { slug: string; name: string }[]) =>
      list.map((x) => ({ value: x.slug, label: x.name }));
    return html`<form part="form" role="search" aria-label=${this.t('opp.filters')} @submit=${this.#submit}>
      <div class="field search" part="field">
        <label for="f-search">${this.t('opp.search')}</label>
        <div class="row">
          <input
            id="f-search"
            name="search"
            type="search"
            .value=${this.filter.search}
            aria-describedby="f-search-hint"
          />
          <button part="button">${this.t('opp.submit')}</button>
        </div>
        <span id="f-search-hint" class="hint">${this.t('opp.searchHint')}</span>
      </div>
      ${this.#select('area', this.t('opp.area'), code(o?.areas))}
      ${this.#select('region', this.t('opp.region'), code(o?.regions))}
      ${this.organization ? nothing : this.#select('organization', this.t('opp.organization'), slug(nodes(o?.organizations)))}
      ${this.#select('project', this.t('opp.project'), slug(nodes(o?.projects)))}
      <label class="check"
        ><input
          type="checkbox"
          name="upcoming"
          .checked=${this.filter.upcoming}
          @change=${(e: Event) => (e.target as HTMLInputElement).form?.requestSubmit()}
        />${this.t('opp.upcoming')}</label
      >
    </form>`;
  }

  #when(o: Opportunity): string | null {
    const next = o.shifts.find((s) => new Date(s.endsAt) > new Date()) ?? o.shifts[0];
    if (next) return this.localize.range(next.startsAt, next.endsAt);
    if (o.startsAt && o.endsAt) return this.localize.range(o.startsAt, o.endsAt);
    return o.startsAt ? this.localize.date(o.startsAt) : null;
  }

  #places(o: Opportunity): string | null {
    if (o.freePlaces === null || o.freePlaces === undefined) return null;
    return o.freePlaces > 0 ? this.t('opp.free', { count: o.freePlaces }) : this.t('opp.full');
  }

  #renderItem(o: Opportunity) {
    const meta = [o.organization.name, o.remote ? this.t('opp.remote') : (o.place ?? o.region.name), this.#when(o)];
    return html`<li part="item">
      <h3 part="title">
        <button
          class="link"
          data-id=${o.id}
          aria-label=${this.t('opp.details', { title: o.title })}
          @click=${() => this.#open(o)}
        >
          ${o.title}
        </button>
      </h3>
      <p class="meta">${meta.filter(Boolean).join(' · ')}</p>
      <p class="meta">${[o.area.name, this.#places(o)].filter(Boolean).join(' · ')}</p>
    </li>`;
  }

  #renderList() {
    const r = this.result;
    const size = Math.min(Math.max(Math.trunc(this.pageSize) || 10, 1), 50);
    const pages = r ? Math.max(1, Math.ceil(r.totalCount / size)) : 1;
    return html`
      <p part="count" role="status" aria-live="polite" tabindex="-1">
        ${
          r
            ? `${this.t('opp.count', { count: r.totalCount })}${pages > 1 ? `, ${this.t('opp.pageOf', { page: this.resultPage + 1, pages })}` : ''}`
            : this.loading
              ? this.t('common.loading')
              : ''
        }
      </p>
      ${
        this.failure
          ? html`<div class="notice error-notice" part="error" role="alert">
              ${this.failure}
              <button class="secondary" part="button" @click=${() => this.#load()}>${this.t('common.retry')}</button>
            </div>`
          : nothing
      }
      ${r && !r.edges.length ? html`<p>${this.t('opp.none')}</p>` : nothing}
      <ul part="list" aria-label=${this.t('opp.list')} aria-busy=${this.loading ? 'true' : 'false'}>
        ${r?.edges.map((e) => this.#renderItem(e.node))}
      </ul>
      ${
        pages > 1
          ? html`<nav aria-label=${this.t('opp.pages')}>
              <div class="row">
                <button
                  class="secondary"
                  part="button"
                  ?disabled=${this.pageIndex === 0}
                  aria-disabled=${this.loading ? 'true' : 'false'}
                  @click=${() => this.#page(-1)}
                >
                  ${this.t('opp.previous')}
                </button>
                <button
                  class="secondary"
                  part="button"
                  ?disabled=${!r?.pageInfo.hasNextPage}
                  aria-disabled=${this.loading ? 'true' : 'false'}
                  @click=${() => this.#page(1)}
                >
                  ${this.t('opp.next')}
                </button>
              </div>
            </nav>`
          : nothing
      }
    `;
  }

  #renderDetail(o: Opportunity) {
    const rows: [string, unknown][] = [
      [this.t('opp.organization'), o.organization.name],
      [this.t('opp.when'), this.#when(o)],
      [this.t('opp.where'), o.remote ? this.t('opp.remote') : [o.place, o.region.name].filter(Boolean).join(', ')],
      [this.t('opp.area'), o.area.name],
      [this.t('opp.project'), o.project?.name],
      [this.t('opp.mentor'), o.mentor?.name],
      [this.t('opp.skills'), o.skills.join(', ')],
    ];
    return html`<article part="detail">
      <button class="link" part="button" @click=${() => this.#open(null)}>${this.t('opp.backToList')}</button>
      <h2 tabindex="-1">${o.title}</h2>
      <p class="description">${o.description}</p>
      <dl>
        ${rows
          .filter(([, value]) => value)
          .map(
            ([term, value]) =>
              html`<dt>${term}</dt>
                <dd>${value}</dd>`,
          )}
      </dl>
      ${
        o.shifts.length > 1
          ? html`<h3>${this.t('opp.shifts')}</h3>
              <ul>
                ${o.shifts.map((s) => html`<li>${s.label ? `${s.label}: ` : ''}${this.localize.range(s.startsAt, s.endsAt)}</li>`)}
              </ul>`
          : nothing
      }
      <p class="meta">${this.#places(o)}</p>
      ${
        this.signingUp
          ? html`<tandem-signup
              opportunity=${o.id}
              api=${this.api}
              key=${this.key}
              lang=${this.localize.lang}
              theme=${this.theme}
            ></tandem-signup>`
          : html`<button part="button" @click=${this.#signUp}>${this.t('opp.signUp')}</button>`
      }
    </article>`;
  }

  override render() {
    return html`<div part="base">
      ${this.selected ? this.#renderDetail(this.selected) : html`${this.#renderForm()}${this.#renderList()}`}
    </div>`;
  }
}

define('tandem-opportunities', TandemOpportunities);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-opportunities': TandemOpportunities;
  }
}
