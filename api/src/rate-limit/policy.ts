/** One limit: at most `limit` hits per `windowMs`. */
export interface Limit {
  limit: number;
  windowMs: number;
}

export interface RateLimitPolicy {
  /** Every request from one IP address. */
  perIp: Limit;
  /** Every request made with one publishable key (all visitors of a partner's site together). */
  perPublishableKey: Limit;
  /** Every request made with one secret key. */
  perSecretKey: Limit;
  /** Sign-in attempts (password, code, link) and code requests from one IP address. */
  signInPerIp: Limit;
  /** Sign-in attempts and code requests for one e-mail address, from anywhere. */
  signInPerEmail: Limit;
  /** Sign-ups from one IP address. */
  signUpPerIp: Limit;
}

const MINUTE = 60_000;

export const DEFAULT_POLICY: RateLimitPolicy = {
  perIp: { limit: 600, windowMs: MINUTE },
  perPublishableKey: { limit: 6000, windowMs: MINUTE },
  perSecretKey: { limit: 1200, windowMs: MINUTE },
  signInPerIp: { limit: 20, windowMs: 15 * MINUTE },
  signInPerEmail: { limit: 10, windowMs: 15 * MINUTE },
  signUpPerIp: { limit: 20, windowMs: 60 * MINUTE },
};

/** Mutations counted against the sign-in limits (they guess or mail secrets). */
export const SIGN_IN_FIELDS = new Set(['signIn', 'requestSignInCode', 'signInWithCode', 'signInWithLink']);
/** Mutations counted against the sign-up limit (they create accounts and send mail). */
export const SIGN_UP_FIELDS = new Set(['signUp']);
