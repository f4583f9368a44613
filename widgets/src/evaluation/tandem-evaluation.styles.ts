import { css } from 'lit';

export const styles = css`
  .intro {
    white-space: pre-line;
  }
  .question {
    margin-bottom: calc(var(--_space) * 1.25);
  }
  .choices .check {
    margin-bottom: 0.35rem;
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .scale .check {
    align-items: center;
    min-height: 2.75rem;
  }
  legend .hint,
  label .hint {
    font-weight: 400;
  }
`;
