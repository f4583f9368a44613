// Load runs with autocannon on loopback, bounded in time, and their statistics.
import autocannon from 'autocannon';

export interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** Non-2xx answers, socket errors, time-outs and answers the check rejected. */
  failures: number;
  /** CPU time per request of the server process, and of PostgreSQL when it runs here (withCpu), in ms. */
  serverCpuMs?: number;
  postgresCpuMs?: number | null;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A new body (and headers) for every request, e.g. a fresh e-mail address. */
  next?: () => { body: string; headers?: Record<string, string> };
  /** Whether an answer counts as a success (default: any 2xx). */
  check?: (body: string) => boolean;
  connections?: number;
  durationSeconds?: number;
}

export const DEFAULT_CONNECTIONS = 16;
export const DEFAULT_DURATION_SECONDS = 8;

export async function load(options: LoadOptions): Promise<LoadRun & { sampleFailure?: string }> {
  let rejected = 0;
  let sampleFailure: string | undefined;
  const url = new URL(options.url);
  const request: autocannon.Request = {
    method: options.method ?? 'POST',
    path: url.pathname + url.search,
    headers: options.headers,
    body: options.body,
  };
  if (options.next) {
    const next = options.next;
    request.setupRequest = (req) => {
      const { body, headers } = next();
      return { ...req, body, headers: { ...options.headers, ...headers } };
    };
  }
  if (options.check) {
    const check = options.check;
    request.onResponse = (status, body) => {
      if (status >= 200 && status < 300 && !check(body)) {
        rejected++;
        sampleFailure ??= body.slice(0, 500);
      }
    };
  }
  const result = await autocannon({
    url: `${url.protocol}//${url.host}`,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    duration: options.durationSeconds ?? DEFAULT_DURATION_SECONDS,
    requests: [request],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + rejected,
    sampleFailure,
  };
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The median of each figure over several runs (each figure on its own). */
export function summarize(runs: LoadRun[]) {
  return {
    runs: runs.length,
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    total: runs.reduce((sum, r) => sum + r.total, 0),
    each: runs.map((r) => Math.round(r.requestsPerSecond)),
    serverCpuMs: median(runs.flatMap((r) => (r.serverCpuMs === undefined ? [] : [r.serverCpuMs]))),
    postgresCpuMs: median(runs.flatMap((r) => (typeof r.postgresCpuMs === 'number' ? [r.postgresCpuMs] : []))),
  };
}
export type Summary = ReturnType<typeof summarize>;
