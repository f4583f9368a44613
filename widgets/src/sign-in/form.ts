// Small form helpers shared by the widgets that sign people in and take their input
// (sign-in, hour logger, hour review, evaluation).
import { html, nothing, type ReactiveElement } from 'lit';

/**
 * An idempotency key for one filling of a form: a retry or a double click sends
 * the same key, so the API stores the entry once. randomUUID needs a secure
 * context; plain-http partner pages get the same 128 random bits as hex.
 */
export function newKey(): string {
  const crypto = globalThis.crypto;
  if (crypto.randomUUID) {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context.
    }
  }
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The message under a field; the control points at it with `aria-describedby="<id>-error"`. */
export const fieldError = (id: string, message: string | undefined) =>
  message ? html`<p class="error" part="error" id="${id}-error">${message}</p>` : nothing;

/** A label, its control, an optional hint (id `<id>-hint`) and the field's error. */
export const field = (id: string, label: unknown, control: unknown, error?: string, hint?: string) =>
  html`<div class="field" part="field">
    <label for=${id}>${label}</label>${control}${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${fieldError(id, error)}
  </div>`;

/** `aria-describedby` of a control with an optional error (and hint). */
export const describedBy = (id: string, message: string | undefined, hint?: string) =>
  [message ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;

/**
 * After a submit that failed: focus the first invalid control, or else the
 * element marked `data-focus` (the form's message). After success the same
 * moves focus to the confirmation.
 */
export async function moveFocus(host: ReactiveElement): Promise<void> {
  await host.updateComplete;
  const root = host.renderRoot as ShadowRoot;
  (
    root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('[data-focus]')
  )?.focus();
}
