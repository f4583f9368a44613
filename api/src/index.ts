export { createTandemYoga, type TandemServerOptions, type TandemYoga } from './yoga.ts';
export { createSession, hashSecret } from './auth.ts';
