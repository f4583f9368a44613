import { LitElement, type PropertyDeclarations } from 'lit';
import type { AnyVariables, Client, CombinedError, DocumentInput, OperationResult } from '@urql/core';
import { clientFor, runMutation, runQuery } from './client.ts';
import { type ApiErrorResult, problemsOf, type Problems } from './errors.ts';
import { TandemErrorEvent } from './events.ts';
import { LocalizeController, type Params } from './localize.ts';
import { getSession, onSessionChange, originOf, setSession } from './session.ts';
import { theme } from './theme.styles.ts';

/** The API this code was served from (`…/widgets/chunk.js` → its origin): the default of `api`. */
const SERVED_FROM = (() => {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return '';
  }
})();

/** Set by tandem.js: loads the code of `tandem-*` elements that appear in a shadow root. */
const WATCH = Symbol.for('tandem.watch');

/**
 * The base of every Tandem widget: the shared attributes, a GraphQL client for
 * them, messages in the widget's language, the volunteer's session, and the
 * API's typed errors turned into messages.
 *
 * @cssproperty --tandem-color-primary - Buttons, links and focus rings.
 * @cssproperty --tandem-color-on-primary - Text on primary buttons.
 * @cssproperty --tandem-color-text - Body text.
 * @cssproperty --tandem-color-muted - Secondary text (keep 4.5:1 against the surface).
 * @cssproperty --tandem-color-surface - Background.
 * @cssproperty --tandem-color-border - Borders of fields and cards.
 * @cssproperty --tandem-color-danger - Errors.
 * @cssproperty --tandem-color-success - Confirmations.
 * @cssproperty --tandem-radius - Corner radius.
 * @cssproperty --tandem-font-family - Font.
 * @cssproperty --tandem-space - Base spacing.
 */
export class TandemElement extends LitElement {
  static override styles = [theme];

  static override properties: PropertyDeclarations = {
    api: { reflect: true },
    key: { reflect: true },
    organization: { reflect: true },
    lang: { reflect: true },
    theme: { reflect: true },
  };

  /** Origin of the Tandem API, e.g. `https://tandem.example.org`. Defaults to where tandem.js was loaded from. */
  declare api: string;
  /** Publishable key (`pk_…`) whose allowed origins include this page. */
  declare key: string;
  /** Organisation slug: limits what the widget shows to this organisation. */
  declare organization: string;
  /** Language: `sl` (default) or `en`. */
  declare lang: string;
  /** `light`, `dark` or `auto` (default: follows the visitor's system setting). */
  declare theme: 'light' | 'dark' | 'auto';

  protected readonly localize = new LocalizeController(this);
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.api = SERVED_FROM;
    this.key = '';
    this.organization = '';
    this.lang = 'sl';
    this.theme = 'auto';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onSessionChange((origin) => {
      if (origin === originOf(this.api)) this.sessionChanged();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    (globalThis as { [WATCH]?: (root: Node) => void })[WATCH]?.(root);
    return root;
  }

  /** The GraphQL client for this widget's `api`, `key` and `lang` (and the session, if any). */
  get client(): Client {
    return clientFor(this.api, this.key, this.localize.lang);
  }

  /** The message `key` in the widget's language. */
  t(key: string, params?: Params): string {
    return this.localize.t(key, params);
  }

  /** A query, sent as a persisted GET so the API's cache can answer it. */
  protected query<Data, Variables extends AnyVariables>(
    document: DocumentInput<Data, Variables>,
    variables: Variables,
  ): Promise<OperationResult<Data, Variables>> {
    return runQuery(this.client, document, variables);
  }

  protected mutate<Data, Variables extends AnyVariables>(
    document: DocumentInput<Data, Variables>,
    variables: Variables,
  ): Promise<OperationResult<Data, Variables>> {
    return runMutation(this.client, document, variables);
  }

  /**
   * Messages for a failed request or a typed error result; fires `tandem-error`
   * with the form-level code and message. A session the API refuses is forgotten.
   */
  protected problems(error: CombinedError | undefined, result?: ApiErrorResult | null): Problems {
    const problems = problemsOf(this.localize.lang, error, result);
    if (problems.code === 'UNAUTHENTICATED' && this.session) setSession(this.api, null);
    this.dispatchEvent(new TandemErrorEvent({ code: problems.code, message: problems.message }));
    return problems;
  }

  /** The signed-in volunteer's session token for this API, or null. */
  get session(): string | null {
    return getSession(this.api);
  }

  /** Starts (token) or ends (null) the session for every widget of this API on the page. */
  protected setSession(token: string | null): void {
    setSession(this.api, token);
  }

  /** Called when a session starts or ends anywhere on the page; re-renders by default. */
  protected sessionChanged(): void {
    this.requestUpdate();
  }
}
