// Server processes of the bench: started one each, stopped by their own pid,
// and their memory read from /proc while load runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
