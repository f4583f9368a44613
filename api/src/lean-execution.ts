import { executeLean } from '@tandem/schema';
import type { Plugin } from 'graphql-yoga';

/**
 * Answers operations on the root fields that opt in (the public opportunity
 * list) with the schema's lean executor, and everything else, or anything the
 * lean executor gives up on, with the general one. See schema/src/lean-execution.ts.
 */
export function leanExecutionPlugin(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const lean = executeLean(args);
        return lean === null ? executeFn(args) : lean.then((result) => result ?? executeFn(args));
      });
    },
  };
}
