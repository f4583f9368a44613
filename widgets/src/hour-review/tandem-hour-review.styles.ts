import { css } from 'lit';

export const styles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-bottom: var(--_space);
    overflow-wrap: anywhere;
  }
  .item h3 {
    font-size: 1rem;
  }
  .activity {
    white-space: pre-line;
  }
  .item .field {
    margin: calc(var(--_space) / 2) 0;
  }
  .item textarea {
    min-height: 3.5rem;
  }
`;
