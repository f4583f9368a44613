// Made by scripts/build.ts from the widget folders: tag → import of its module.
declare module 'tandem:widgets' {
  export const widgets: Record<string, () => Promise<unknown>>;
}
