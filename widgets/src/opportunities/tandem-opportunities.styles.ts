import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: calc(var(--_space) / 2) var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    align-items: end;
    margin-bottom: var(--_space);
  }
  form .field {
    margin: 0;
  }
  .search {
    grid-column: 1 / -1;
  }
  .search .row {
    flex-wrap: nowrap;
  }
  .search input {
    flex: 1;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='item'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  [part='title'] button {
    text-align: start;
    font-size: 1.1rem;
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
    margin: 0.25rem 0 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .description {
    white-space: pre-line;
  }
  nav .row {
    justify-content: space-between;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
  }
`;
