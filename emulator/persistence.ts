/**
 * The state file: one JSON snapshot of the whole state,
 * `{"version": 1, "generation": n, "savedAt": "...", "state": {field: value}}`, where a map is an array of
 * `[key, value]` pairs and a set an array of members. It is rewritten only when the journal (journal.ts) is
 * compacted: streamed to a temp file in 1 MiB chunks (memory stays flat however large the state is), fsync'd,
 * then renamed over the old file, so a crash at any point leaves either the old or the new snapshot.
 * A file without `generation` (written by older versions) loads as generation 0.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { State } from './store.js';
import { TrackedMap } from './tracked.js';

export interface Snapshot {
  state: State;
  generation: number;
  /** Size of the file, which sets how large the journal may grow before it is compacted. */
  bytes: number;
}

/** The snapshot in `file`, or null when there is no such file. Throws on a file that is not a snapshot. */
export function readSnapshot(file: string): Snapshot | null {
  if (!existsSync(file)) return null;
  let raw: { generation?: unknown; state?: Record<string, unknown> };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch (err) {
    throw new Error(`The state file ${file} is not valid JSON (${String(err)}). Restore it or delete it.`);
  }
  return {
    state: raw.state ? State.fromJSON(raw.state) : new State(),
    generation: typeof raw.generation === 'number' ? raw.generation : 0,
    bytes: statSync(file).size,
  };
}

/** Writes all of `data` at the file position (or the end, for a file opened to append). */
export function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

class ChunkedWriter {
  private parts: string[] = [];
  private length = 0;
  bytes = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const data = Buffer.from(this.parts.join(''), 'utf8');
    writeAll(this.fd, data);
    this.bytes += data.length;
    this.parts = [];
    this.length = 0;
  }
}

function writeState(out: ChunkedWriter, state: State): void {
  let first = true;
  for (const [field, value] of Object.entries(state)) {
    if (value === undefined) continue;
    out.write(`${first ? '' : ','}${JSON.stringify(field)}:`);
    first = false;
    if (value instanceof Map) {
      out.write('[');
      let n = 0;
      const entries = value instanceof TrackedMap ? value.peekEntries() : value.entries();
      for (const [key, item] of entries)
        out.write(`${n++ ? ',' : ''}[${JSON.stringify(key)},${JSON.stringify(item)}]`);
      out.write(']');
    } else if (value instanceof Set) {
      out.write('[');
      let n = 0;
      for (const item of value) out.write(`${n++ ? ',' : ''}${JSON.stringify(item)}`);
      out.write(']');
    } else {
      out.write(JSON.stringify(value));
    }
  }
}

/** Replaces `file` with a snapshot of `state` (temp file, fsync, rename); returns its size in bytes. */
export function writeSnapshot(file: string, state: State, generation: number): number {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let open = true;
  try {
    const out = new ChunkedWriter(fd);
    out.write(
      `{"version":1,"generation":${generation},"savedAt":${JSON.stringify(new Date().toISOString())},"state":{`,
    );
    writeState(out, state);
    out.write('}}\n');
    out.flush();
    // fsync before the rename, so that after a machine crash the new name never points at missing data.
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(tmp, file);
    syncDirectory(dirname(file));
    return out.bytes;
  } catch (err) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Makes a rename in `dir` durable; best effort (not every platform can fsync a directory). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // e.g. Windows: directories cannot be opened for fsync
  }
}
