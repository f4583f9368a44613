import { css } from 'lit';

export const styles = css`
  .grid {
    display: grid;
    gap: 0 var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  label.inline {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  label.inline input {
    width: 5.5rem !important;
  }
  .year {
    width: auto !important;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
  }
  dd {
    margin: 0 var(--_space) 0 0.35rem;
    font-weight: 600;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2);
    margin-bottom: calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }
  li p {
    margin: 0.25rem 0 0;
  }
`;
