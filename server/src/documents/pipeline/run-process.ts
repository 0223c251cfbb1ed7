import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last few KB of stderr and stdout, for logs. */
  output: string;
}

export interface RunProcessOptions {
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const OUTPUT_KEEP = 8 * 1024;

/**
 * Runs a command without a shell (arguments are never interpreted) in its own process group, so that on
 * timeout the whole tree dies — `soffice` is a shell script that starts `soffice.bin`, and killing only the
 * script would leave the real converter running. Rejects only when the command cannot be started (ENOENT…).
 */
export function runProcess(command: string, args: readonly string[], options: RunProcessOptions): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true, // own process group: kill(-pid) reaches every descendant
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    let timedOut = false;
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);

    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      killGroup(); // leftovers that detached from the main process (LibreOffice's oosplash, a stuck helper)
      resolve({ exitCode, signal, timedOut, output });
    });
  });
}
