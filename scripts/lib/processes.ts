import { type ChildProcess, spawn } from 'node:child_process';

/** Spawns a child that dies with us, keeping the tail of its output for error messages. */
export const spawnManaged = (cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; label: string; echo?: boolean }) => {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let tail = '';
  const onData = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-4000);
    if (opts.echo) process.stdout.write(b.toString().replace(/^/gm, `[${opts.label}] `));
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { child, tail: () => tail };
};

/** Kills a detached child's whole process group. */
export const killGroup = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 3000).unref();
  });

export const waitFor = async (
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
  failed?: () => string | null,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = failed?.();
    if (reason) throw new Error(`${what} failed: ${reason}`);
    try {
      if (await probe()) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
