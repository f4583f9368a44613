import { html, nothing, type PropertyDeclarations } from 'lit';
import type { CombinedError } from '@urql/core';
import { define } from '../core/define.ts';
import type { ApiErrorResult } from '../core/errors.ts';
import { TandemSignedInEvent } from '../core/events.ts';
import { registerMessages } from '../core/localize.ts';
import { TandemElement } from '../core/tandem-element.ts';
import { accountStyles, focusSignedIn, signedIn, signOut } from './account.ts';
import { describedBy, field, moveFocus } from './form.ts';
import { messages } from './messages.ts';
import { RequestSignInCode, SignIn, SignInMe, SignInWithCode, SignInWithLink } from './operations.ts';
import { styles } from './tandem-sign-in.styles.ts';

registerMessages(messages);

type Mode = 'password' | 'code' | 'code-sent';
type Me = { id: string; name: string };
type SessionResult = { __typename: string; token?: string; me?: Me } | undefined;

const LINK = /^#tandem-sign-in=([^&]+)/;
/** A sign-in link works once: the first sign-in widget on the page takes it. */
let linkTaken = false;

/**
 * @summary Signs a volunteer in with e-mail and password or a one-time code sent by e-mail, and signs them
 * out. Every Tandem widget of the same `api` on the page shares the session. Opening the link from the
 * sign-in e-mail (`<page>#tandem-sign-in=<token>`) signs in on arrival and removes the token from the address.
 *
 * @attr return-url - The page the e-mail's sign-in link returns to (default: this page). Its origin must be
 * among the publishable key's allowed origins, otherwise the e-mail holds only the code.
 *
 * @event tandem-signed-in - The volunteer signed in (by password, code or link).
 * @event tandem-signed-out - The volunteer signed out.
 * @event tandem-error - A request failed; `detail.code` and `detail.message` say why.
 *
 * @csspart base - The wrapper.
 * @csspart form - The sign-in form.
 * @csspart title - The form's heading.
 * @csspart field - A label with its control.
 * @csspart button - The buttons.
 * @csspart error - Error messages (form-level and per field).
 * @csspart status - "Signed in as …" and other confirmations.
 * @csspart account - "Signed in as …" with the sign-out button.
 */
export class TandemSignIn extends TandemElement {
  static override styles = [...TandemElement.styles, accountStyles, styles];

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    returnUrl: { attribute: 'return-url' },
    mode: { state: true },
    email: { state: true },
    busy: { state: true },
    me: { state: true },
    message: { state: true },
    notice: { state: true },
    fields: { state: true },
  };

  declare returnUrl: string;
  declare private mode: Mode;
  declare private email: string;
  declare private busy: boolean;
  declare private me: Me | null;
  /** Form-level error. */
  declare private message: string;
  /** Confirmation (code sent, signed out). */
  declare private notice: string;
  declare private fields: Record<string, string>;

  constructor() {
    super();
    this.returnUrl = '';
    this.mode = 'password';
    this.email = '';
    this.busy = false;
    this.me = null;
    this.message = '';
    this.notice = '';
    this.fields = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const link = LINK.exec(location.hash);
    if (link?.[1] && !linkTaken) {
      linkTaken = true;
      // The token must not stay in the address bar, the history or a bookmark.
      history.replaceState(history.state, '', location.pathname + location.search);
      void this.signInWithLink(decodeURIComponent(link[1]));
    } else {
      void this.loadMe();
    }
  }

  protected override sessionChanged(): void {
    void this.loadMe();
  }

  private async loadMe(): Promise<void> {
    const token = this.session;
    if (!token) {
      this.me = null;
      return;
    }
    const result = await this.query(SignInMe, {});
    if (token !== this.session) return;
    if (result.data) {
      if (result.data.me) this.me = result.data.me;
      // The API no longer knows the session (expired or signed out elsewhere).
      else this.setSession(null);
    } else {
      this.message = this.problems(result.error).message;
    }
  }

  private async signInWithLink(token: string): Promise<void> {
    this.busy = true;
    this.notice = this.t('signIn.linkChecking');
    const result = await this.mutate(SignInWithLink, { input: { token } });
    this.notice = '';
    await this.finish(result.data?.signInWithLink, result.error);
  }

  private async finish(payload: SessionResult, error: CombinedError | undefined): Promise<void> {
    this.busy = false;
    if (payload?.__typename === 'SignInPayload' && payload.token && payload.me) {
      this.message = '';
      this.fields = {};
      this.mode = 'password';
      this.me = payload.me;
      this.setSession(payload.token);
      this.dispatchEvent(new TandemSignedInEvent());
      await focusSignedIn(this);
      return;
    }
    const problems = this.problems(error, payload as ApiErrorResult | undefined);
    this.message = problems.message;
    this.fields = problems.fields;
    // A dead link or code: offer a new code.
    if (this.mode === 'password' && problems.code === 'INVALID_CODE') this.mode = 'code';
    await moveFocus(this);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    this.email = value('email');
    const fields: Record<string, string> = {};
    if (!this.email) fields.email = this.t('signIn.emailRequired');
    if (this.mode === 'password' && !form.get('password')) fields.password = this.t('signIn.passwordRequired');
    if (this.mode === 'code-sent' && !value('code')) fields.code = this.t('signIn.codeRequired');
    this.fields = fields;
    this.message = '';
    this.notice = this.mode === 'code-sent' ? this.notice : '';
    if (Object.keys(fields).length) return moveFocus(this);

    this.busy = true;
    if (this.mode === 'password') {
      const result = await this.mutate(SignIn, {
        input: { email: this.email, password: String(form.get('password')) },
      });
      return this.finish(result.data?.signIn, result.error);
    }
    if (this.mode === 'code-sent') {
      const result = await this.mutate(SignInWithCode, { input: { email: this.email, code: value('code') } });
      return this.finish(result.data?.signInWithCode, result.error);
    }
    await this.requestCode();
  }

  private async requestCode(): Promise<void> {
    this.busy = true;
    this.message = '';
    const returnUrl = this.returnUrl || location.href.replace(/#.*$/, '');
    const result = await this.mutate(RequestSignInCode, { input: { email: this.email, returnUrl } });
    this.busy = false;
    const payload = result.data?.requestSignInCode;
    if (payload?.__typename === 'RequestSignInCodePayload') {
      this.mode = 'code-sent';
      this.notice = this.t('signIn.codeSent', { email: this.email });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
    } else {
      const problems = this.problems(result.error, payload as ApiErrorResult | undefined);
      this.message = problems.message;
      this.fields = problems.fields;
      await moveFocus(this);
    }
  }

  private async signOut(): Promise<void> {
    this.busy = true;
    await signOut(this);
    this.busy = false;
    this.me = null;
    this.notice = this.t('signIn.signedOut');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#email')?.focus();
  }

  private switchTo(mode: Mode): void {
    this.mode = mode;
    this.message = '';
    this.notice = '';
    this.fields = {};
  }

  override render() {
    if (this.session) {
      return this.me
        ? signedIn(this, this.me.name, () => this.signOut())
        : html`<p part="base" role="status">${this.message || this.t('common.loading')}</p>`;
    }
    const mode = this.mode;
    const f = this.fields;
    const link = (label: string, click: () => void) =>
      html`<button
        part="button"
        type="button"
        class="link"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.busy || click()}
      >
        ${this.t(label)}
      </button>`;
    return html`<form part="base form" novalidate aria-labelledby="title" @submit=${this.submit}>
      <h2 part="title" id="title">${this.t('signIn.title')}</h2>
      <div role="status" part="status">${this.notice}</div>
      ${
        this.message
          ? html`<p part="error" class="notice error-notice" role="alert" tabindex="-1" data-focus>${this.message}</p>`
          : nothing
      }
      ${field(
        'email',
        this.t('signIn.email'),
        html`<input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          .value=${this.email}
          ?readonly=${mode === 'code-sent'}
          aria-invalid=${f.email ? 'true' : 'false'}
          aria-describedby=${describedBy('email', f.email)}
        />`,
        f.email,
      )}
      ${
        mode === 'password'
          ? field(
              'password',
              this.t('signIn.password'),
              html`<input
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
                aria-invalid=${f.password ? 'true' : 'false'}
                aria-describedby=${describedBy('password', f.password)}
              />`,
              f.password,
            )
          : mode === 'code-sent'
            ? field(
                'code',
                this.t('signIn.code'),
                html`<input
                  id="code"
                  name="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  required
                  aria-invalid=${f.code ? 'true' : 'false'}
                  aria-describedby=${describedBy('code', f.code, 'code-hint')}
                />`,
                f.code,
                this.t('signIn.codeHint'),
              )
            : nothing
      }
      <div class="row">
        <button part="button" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.t(mode === 'code' ? 'signIn.sendCode' : 'signIn.submit')}
        </button>
        ${
          mode === 'password'
            ? link('signIn.useCode', () => this.switchTo('code'))
            : link('signIn.usePassword', () => this.switchTo('password'))
        }
        ${mode === 'code-sent' ? link('signIn.newCode', () => this.requestCode()) : nothing}
      </div>
    </form>`;
  }
}

define('tandem-sign-in', TandemSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-sign-in': TandemSignIn;
  }
}
