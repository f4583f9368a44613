// Server processes of the bench: started one each, stopped by their own pid,
// and their memory read from /proc while load runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** What the server sent when ready (e.g. which database it opened). */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

export function startServer(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  port: number,
  timeoutMs = 120_000,
): Promise<Server> {
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, TZ: 'UTC', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
    child.on('message', (message: Record<string, unknown>) => {
      if (!message?.ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, ready: message, stop });
    });
  });
}

/** Resident memory of a process in bytes (VmRSS), or NaN once it is gone. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped. */
export function sampleRss(pid: number, everyMs = 200) {
  const samples: number[] = [];
  const timer = setInterval(() => {
    const rss = rssOf(pid);
    if (!Number.isNaN(rss)) samples.push(rss);
  }, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * The fields of /proc/PID/stat after the command name (which may hold spaces),
 * from `state` on: ppid is [1], utime and stime [11] and [12]. Null once the process is gone.
 */
function statOf(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms; NaN once it is gone. */
function cpuMsOf(pid: number): number {
  const fields = statOf(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND : NaN;
}

/** The parent of a process, or NaN. */
function parentOf(pid: number): number {
  const fields = statOf(pid);
  return fields ? Number(fields[1]) : NaN;
}

/** The postmaster of a PostgreSQL backend running on this machine, or null. */
export function postmasterOf(backendPid: number): number | null {
  const parent = parentOf(backendPid);
  try {
    return readFileSync(`/proc/${parent}/comm`, 'utf8').trim() === 'postgres' ? parent : null;
  } catch {
    return null;
  }
}

/** The processes of a PostgreSQL server on this machine: its postmaster's children (backends, background workers). */
function postgresProcesses(postmaster: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
}

/**
 * The CPU time that `pid` and, given its postmaster, a PostgreSQL server on
 * this machine spend while `work` runs: unlike requests per second, it leaves
 * out time spent waiting for a core on a shared machine.
 */
export async function withCpu<T>(
  pid: number,
  postmaster: number | null,
  work: () => Promise<T>,
): Promise<{ result: T; serverMs: number; postgresMs: number | null }> {
  const server0 = cpuMsOf(pid);
  const before = new Map((postmaster ? postgresProcesses(postmaster) : []).map((p) => [p, cpuMsOf(p)]));
  const result = await work();
  const serverMs = cpuMsOf(pid) - server0;
  if (!postmaster) return { result, serverMs, postgresMs: null };
  let postgresMs = 0;
  // A backend started during the run counts whole; one that ended is lost (the servers' pools keep theirs open).
  for (const p of postgresProcesses(postmaster)) {
    const now = cpuMsOf(p);
    if (!Number.isNaN(now)) postgresMs += now - (before.get(p) ?? 0);
  }
  return { result, serverMs, postgresMs };
}
