import { css } from 'lit';

export const styles = css`
  fieldset {
    margin-bottom: var(--_space);
  }
  fieldset .check {
    margin-bottom: 0.5rem;
  }
  .guardian {
    border-inline-start: 4px solid var(--_primary);
    padding-inline-start: var(--_space);
  }
  [part='confirmation']:focus {
    outline: none;
  }
  [part='confirmation'] {
    color: var(--_text);
    border-color: var(--_success);
  }
  [part='confirmation'] h2 {
    color: var(--_success);
  }
`;
