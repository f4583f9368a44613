// What a widget that needs a signed-in person shows at its top: who is signed in
// with a sign-out button, or else <tandem-sign-in>, whose code is loaded only then
// (a returning volunteer's page never loads the sign-in form).
import { css, html, nothing } from 'lit';
import { TandemSignedOutEvent } from '../core/events.ts';
import { registerMessages } from '../core/localize.ts';
import { setSession } from '../core/session.ts';
import type { TandemElement } from '../core/tandem-element.ts';
import { graphql } from '../core/graphql.ts';

// These texts and SignOut live here, not in messages.ts and operations.ts: the build
// splits by module, and the widgets that only show who is signed in must not load
// the whole sign-in form's texts and operations.
const accountMessages = {
  sl: {
    'signIn.signedInAs': 'Prijavljeni ste kot {name}.',
    'signIn.signOut': 'Odjava',
  },
  en: {
    'signIn.signedInAs': 'You are signed in as {name}.',
    'signIn.signOut': 'Sign out',
  },
};
registerMessages(accountMessages);
export const SignOut = graphql(`
  mutation SignOut($input: SignOutInput!) {
    signOut(input: $input) {
      __typename
    }
  }
`);

export const accountStyles = css`
  [role='status']:empty {
    display: none;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  .account p {
    margin: 0;
  }
`;

/**
 * Ends the session for every widget of this API on the page. signOut is
 * idempotent and the token is forgotten whatever the answer: on a shared
 * computer, a token left in storage would be worse than a session that expires
 * on its own.
 */
export async function signOut(host: TandemElement): Promise<void> {
  await host.client.mutation(SignOut, { input: {} }).toPromise();
  setSession(host.api, null);
  host.dispatchEvent(new TandemSignedOutEvent());
}

/** "Signed in as …" (focusable, for the confirmation after signing in) and the sign-out button. */
export const signedIn = (host: TandemElement, name: string | undefined, onSignOut = () => signOut(host)) =>
  html`<div part="account" class="account">
    <p part="status" tabindex="-1">${name ? host.t('signIn.signedInAs', { name }) : nothing}</p>
    <button part="button" class="secondary" @click=${onSignOut}>${host.t('signIn.signOut')}</button>
  </div>`;

/** `signedIn` with a session, else the sign-in form. */
export function account(host: TandemElement, name: string | undefined) {
  if (host.session) return signedIn(host, name);
  void import('./tandem-sign-in.ts');
  // Its parts are the host's: a page's `tandem-hour-logger::part(button)` styles the sign-in's buttons too.
  return html`<tandem-sign-in
    api=${host.api}
    key=${host.key}
    lang=${host.lang}
    theme=${host.theme}
    exportparts="form,title,field,button,error,status,account"
  ></tandem-sign-in>`;
}

/** Moves focus to "Signed in as …" once rendered (the confirmation of signing in). */
export const focusSignedIn = (host: TandemElement) =>
  host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('.account p')?.focus());

/**
 * Call in the constructor: when someone signs in with the form inside `host`,
 * the form goes away, so focus moves to who is signed in. (Not through
 * :focus-within: the form's button, disabled while signing in, has lost focus.)
 */
export function focusOnSignIn(host: TandemElement): void {
  host.addEventListener('tandem-signed-in', () => void focusSignedIn(host));
}
