export { createTandemYoga, type TandemServerOptions, type TandemYoga } from './yoga.ts';
// For scripts that act as whoever runs the server (the bench makes its widgets' key with them).
export { OutboxMailer } from './mail.ts';
export { operatorContext } from './operator.ts';
