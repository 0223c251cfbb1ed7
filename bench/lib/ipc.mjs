// Request/answer over Node's IPC channel between a benchmark and the helper processes it forks (client fleets,
// the bare Socket.IO server). Every fork is killed when the benchmark exits, however it exits (error, Ctrl-C).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const children = new Set();
const tempDirs = new Set();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/** A temp directory removed when the process exits (and by `remove()` earlier). */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return {
    dir,
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
}

/**
 * Forks `file` and returns `request(type, body)` → the child's answer (see `serve`). Its stdout/stderr are kept
 * (last lines) for error messages. `stop()` asks it to exit, then kills it.
 */
export function forkHelper(file, { execArgv = [], env = process.env } = {}) {
  const child = fork(file, [], { execArgv, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
  children.add(child);
  const lines = [];
  const collect = (chunk) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 100) lines.splice(0, lines.length - 100);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const pending = new Map();
  let next = 0;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.once('exit', (code, signal) => {
    children.delete(child);
    for (const { reject } of pending.values()) reject(new Error(`${path.basename(file)} exited (${code ?? signal}):\n${lines.slice(-30).join('\n')}`));
    pending.clear();
  });
  child.on('message', (msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`${path.basename(file)} ${p.type}: ${msg.error}`));
  });
  return {
    child,
    pid: child.pid,
    output: () => lines.slice(-30).join('\n'),
    request(type, body = {}) {
      return new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject, type });
        child.send({ id, type, body });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: 0, type: 'exit', body: {} });
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: answers each request with its handler's result; exits when asked or when the parent is gone. */
export function serve(handlers) {
  process.on('disconnect', () => process.exit(0));
  process.on('message', async ({ id, type, body }) => {
    if (type === 'exit') {
      await handlers.exit?.();
      process.exit(0);
    }
    try {
      const handler = handlers[type];
      if (!handler) throw new Error(`no handler for "${type}"`);
      process.send({ id, ok: true, result: await handler(body) });
    } catch (error) {
      process.send({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
