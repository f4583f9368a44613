import { makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from '@urql/core';
import { makeFetchBody, makeFetchURL } from '@urql/core/internal';
import { filter, make, merge, mergeMap, pipe, takeUntil } from 'wonka';

const isFetched = (operation: Operation) => operation.kind === 'query' || operation.kind === 'mutation';

/** One request: GET for a query that prefers it (persisted queries), POST with a JSON body otherwise. */
function request(operation: Operation) {
  return make<OperationResult>(({ next, complete }) => {
    const controller = new AbortController();
    const body = makeFetchBody(operation);
    const url = makeFetchURL(operation, body);
    // makeFetchURL falls back to the plain URL (POST) when the GET URL would be too long.
    const post = url === operation.context.url;
    const { fetchOptions } = operation.context;
    const options = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {};
    let response: Response | undefined;
    fetch(url, {
      ...options,
      method: post ? 'POST' : 'GET',
      body: post ? JSON.stringify(body) : undefined,
      headers: {
        accept: 'application/graphql-response+json, application/json',
        ...(post ? { 'content-type': 'application/json' } : {}),
        ...(options.headers as Record<string, string> | undefined),
      },
      signal: controller.signal,
    })
      .then(async (answer) => {
        response = answer;
        next(makeResult(operation, await answer.json(), answer));
      })
      .catch((error: Error) => {
        if (controller.signal.aborted) return;
        // A body that is no GraphQL answer (a proxy's error page): the HTTP status says more than the parser.
        const failed = response && !response.ok && response.statusText;
        next(makeErrorResult(operation, failed ? new Error(failed) : error, response));
      })
      .finally(complete);
    return () => controller.abort();
  });
}

/**
 * urql's fetchExchange for what the widgets send: queries and mutations, each answered with one JSON body. It
 * leaves out what they never use, and so does not ship it: multipart and event-stream answers (incremental
 * delivery, subscriptions over HTTP) and file uploads. A torn-down operation aborts its request.
 */
export const fetchExchange: Exchange =
  ({ forward }) =>
  (operations) =>
    merge([
      pipe(
        operations,
        filter(isFetched),
        mergeMap((operation) =>
          pipe(
            request(operation),
            takeUntil(
              pipe(
                operations,
                filter((op) => op.kind === 'teardown' && op.key === operation.key),
              ),
            ),
          ),
        ),
      ),
      forward(
        pipe(
          operations,
          filter((operation) => !isFetched(operation)),
        ),
      ),
    ]);
