import { css } from 'lit';

/**
 * Design tokens. A host page themes every widget with the public custom
 * properties (`--tandem-color-primary`, …); inside, components use the private
 * `--_*` ones, which fall back to light or dark defaults: light-dark() follows
 * the host's color-scheme, fixed by theme="light" | "dark", and the visitor's
 * system setting for "auto". Every default pair keeps a contrast of at least 4.5:1.
 */
export const theme = css`
  :host {
    --_primary: var(--tandem-color-primary, light-dark(#1d4ed8, #93c5fd));
    --_on-primary: var(--tandem-color-on-primary, light-dark(#fff, #0b1220));
    --_text: var(--tandem-color-text, light-dark(#1f2937, #f3f4f6));
    --_muted: var(--tandem-color-muted, light-dark(#4b5563, #cbd5e1));
    --_surface: var(--tandem-color-surface, light-dark(#fff, #111827));
    --_border: var(--tandem-color-border, light-dark(#6b7280, #9ca3af));
    --_danger: var(--tandem-color-danger, light-dark(#b91c1c, #fca5a5));
    --_success: var(--tandem-color-success, light-dark(#15803d, #86efac));
    --_radius: var(--tandem-radius, 6px);
    --_font: var(--tandem-font-family, system-ui, sans-serif);
    --_space: var(--tandem-space, 1rem);
    color-scheme: light dark;
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--_text);
    background: var(--_surface);
    font: 1rem/1.5 var(--_font);
    text-align: start;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  p {
    margin: 0 0 calc(var(--_space) / 2);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: inherit;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .field {
    margin-bottom: var(--_space);
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    font-weight: 400;
  }
  .error {
    color: var(--_danger);
    font-size: 0.95rem;
    margin: 0.25rem 0 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .notice {
    padding: 0.75rem var(--_space);
    border-radius: var(--_radius);
    border: 2px solid currentColor;
    margin-bottom: var(--_space);
  }
  .notice.error-notice {
    color: var(--_danger);
  }
  .notice.success {
    color: var(--_success);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
`;
