/**
 * Under an npm script, calls `onGone` once the process that started Vouch has gone, so a stopped
 * `npm start` never leaves an orphan holding the port and the data dir.
 *
 * The start script `exec`s Vouch, so it is npm's own child: npm forwards SIGTERM and SIGINT to it and
 * waits for it to exit. That covers a normal stop. What no signal covers is npm itself dying without
 * forwarding anything (`kill -9`, an out-of-memory kill, a crash). Then the kernel gives its children a new
 * parent (pid 1, or a subreaper), and `process.ppid`, which Node reads from the OS on every access, changes.
 * A one-second poll of it works the same on Linux and macOS and needs nothing from the parent, unlike
 * an IPC channel or a stdin pipe, which npm does not give its scripts (stdin is the terminal).
 *
 * Only under npm (`npm_lifecycle_event` is set for scripts): `nohup vouch start &` from a shell that then
 * exits must keep running, and there the parent going away is expected.
 */
export function watchParent(onGone: () => void, env: NodeJS.ProcessEnv = process.env): () => void {
  if (!env.npm_lifecycle_event) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
