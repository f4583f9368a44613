export { createTandemYoga, type TandemServerOptions, type TandemYoga } from './yoga.ts';
