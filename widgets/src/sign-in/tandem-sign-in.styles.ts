import { css } from 'lit';

export const styles = css`
  .row {
    margin-top: calc(var(--_space) / 2);
  }
  input[readonly] {
    background: transparent;
    border-style: dashed;
  }
`;
