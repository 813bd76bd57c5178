/**
 * Keeps the state file (persistence.ts) up to date without rewriting it for every change: each mutating
 * request appends one line to `<state file>.journal` before its answer is sent, and on start the journal is
 * replayed over the snapshot. When the journal outgrows the snapshot (and `compactBytes`), and on close, a new
 * snapshot is written and the journal starts again.
 *
 * Durability: an answered write has been handed to the operating system with write(2), not fsync'd. That is
 * what surviving `kill -9` (or a crash of Node) needs, since the kernel still writes out the page cache of a
 * killed process; only a crash of the machine itself can lose the last lines. An fsync per request would cost
 * a disk flush (milliseconds on many disks) on every API call; snapshots are fsync'd before they replace the
 * old file.
 *
 * Format: the first line is `{"journal":1,"generation":n}`; n matches the snapshot the journal applies to, so a
 * journal left behind by a crash during compaction (the new snapshot already has its changes) is ignored. Each
 * further line is a JSON array of one request's changes: `["p", field, key, value]` sets a map entry
 * (`["p", field, member]` adds to a set), `["d", field, key]` deletes, `["c", field]` clears, and
 * `["v", field, value]` sets a plain field such as `invoiceCounter`. An incomplete last line (the process
 * stopped in the middle of a write) is dropped on load; any other unreadable line stops the start.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { readSnapshot, writeAll, writeSnapshot } from './persistence.js';
import { State } from './store.js';
import { type ChangeSink, type TrackedCollection, TrackedMap, TrackedSet } from './tracked.js';

export interface JournalOptions {
  /** Compact once the journal is larger than this and than the snapshot. Default 16 MiB. */
  compactBytes?: number;
  /** Called with what the journal could not do in the background (a failed compaction). */
  onError?: (err: unknown) => void;
  /** Called when loading had to drop an incomplete last journal line. */
  onWarning?: (message: string) => void;
}

interface Touch {
  /** JSON of the value when the request first reached it; null once it was set or deleted. */
  before: string | null;
  /** Deleted during the request (a key set again moves to the end, so replay deletes it first). */
  deleted: boolean;
}

const header = (generation: number) => Buffer.from(`{"journal":1,"generation":${generation}}\n`);
const isCollection = (v: unknown): v is TrackedMap<unknown, unknown> | TrackedSet<unknown> =>
  v instanceof TrackedMap || v instanceof TrackedSet;

export class StateJournal implements ChangeSink {
  recording = false;
  private touched = new Map<TrackedCollection, Map<unknown, Touch>>();
  private clearedFields: string[] = [];
  /** JSON of each plain field as last written, to journal only the ones that changed. */
  private scalars = new Map<string, string>();
  /** A journal write failed, or emptying the journal after a snapshot did: write a snapshot next instead. */
  private broken = false;
  private closed = false;
  private bytes = 0;
  private compactTimer: NodeJS.Immediate | null = null;
  private readonly compactBytes: number;

  private constructor(
    private readonly file: string,
    private readonly fd: number,
    private state: State,
    private generation: number,
    private snapshotBytes: number,
    private readonly options: JournalOptions,
  ) {
    this.compactBytes = options.compactBytes ?? 16 * 1024 * 1024;
    state.track(this);
    this.rememberScalars();
  }

  /**
   * Loads the snapshot in `file` and replays its journal over it. A missing file starts an empty state and
   * writes it at once, so its account id survives a restart even before the first change.
   */
  static open(file: string, options: JournalOptions = {}): StateJournal {
    const snapshot = readSnapshot(file);
    const journalFile = `${file}.journal`;
    const state = snapshot?.state ?? new State();
    const generation = snapshot?.generation ?? 0;
    const kept = snapshot && existsSync(journalFile) ? replay(journalFile, state, generation, options) : 0;
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(journalFile, 'a');
    const journal = new StateJournal(file, fd, state, generation, snapshot?.bytes ?? 0, options);
    try {
      if (!snapshot) journal.compact();
      else if (kept === 0) journal.resetJournal();
      else {
        ftruncateSync(fd, kept);
        journal.bytes = kept;
      }
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    return journal;
  }

  get current(): State {
    return this.state;
  }

  /** Starts recording what the state's maps hand out and change; `commit()` writes it. */
  begin(): void {
    this.recording = true;
  }

  /**
   * Appends what changed since `begin()` as one line, synchronously: call it before answering. Throws when the
   * write fails, so the request is not answered as a success; the next change then writes a whole snapshot.
   */
  commit(): void {
    if (!this.recording || this.closed) return;
    this.recording = false;
    const ops = this.drain();
    if (!ops) return;
    if (this.broken) {
      this.compact();
      return;
    }
    const line = Buffer.from(`[${ops}]\n`, 'utf8');
    try {
      writeAll(this.fd, line);
    } catch (err) {
      // The change is in memory but maybe only partly in the journal: the next snapshot will hold it.
      this.broken = true;
      throw err;
    }
    this.bytes += line.length;
    if (this.bytes > Math.max(this.compactBytes, this.snapshotBytes)) this.scheduleCompaction();
  }

  /** Writes a new snapshot and empties the journal (nothing once closed). */
  compact(): void {
    this.cancelCompaction();
    if (this.closed) return;
    this.recording = false;
    this.touched.clear();
    this.clearedFields = [];
    const generation = this.generation + 1;
    this.snapshotBytes = writeSnapshot(this.file, this.state, generation);
    this.generation = generation;
    this.rememberScalars();
    this.resetJournal();
  }

  /** Switches to another state (a reset) and writes it as the new snapshot. */
  replace(state: State): void {
    this.state.track(null);
    this.state = state;
    if (this.closed) return;
    state.track(this);
    this.compact();
  }

  /** Compacts if anything was journaled, then closes and removes the journal: the state file alone is complete. */
  close(): void {
    if (this.closed) return;
    this.cancelCompaction();
    this.state.track(null);
    try {
      if (this.bytes > header(this.generation).length || this.broken) this.compact();
    } finally {
      this.closed = true;
      closeSync(this.fd);
    }
    rmSync(`${this.file}.journal`, { force: true });
  }

  reached(collection: TrackedCollection, key: unknown, value: unknown): void {
    const keys = this.keysOf(collection);
    if (!keys.has(key)) keys.set(key, { before: JSON.stringify(value), deleted: false });
  }

  changed(collection: TrackedCollection, key: unknown, deleted: boolean): void {
    const keys = this.keysOf(collection);
    const touch = keys.get(key);
    if (touch) {
      touch.before = null;
      touch.deleted ||= deleted;
    } else keys.set(key, { before: null, deleted });
  }

  cleared(collection: TrackedCollection): void {
    this.clearedFields.push(collection.field);
  }

  private keysOf(collection: TrackedCollection): Map<unknown, Touch> {
    let keys = this.touched.get(collection);
    if (!keys) {
      keys = new Map();
      this.touched.set(collection, keys);
    }
    return keys;
  }

  /** The recorded changes as comma-separated ops ('' when nothing changed), and forgets them. */
  private drain(): string {
    const ops: string[] = this.clearedFields.map((field) => `["c",${JSON.stringify(field)}]`);
    for (const [collection, keys] of this.touched) {
      const field = JSON.stringify(collection.field);
      for (const [key, touch] of keys) {
        const id = JSON.stringify(key);
        if (!(collection as TrackedMap<unknown, unknown> | TrackedSet<unknown>).has(key)) {
          ops.push(`["d",${field},${id}]`);
          continue;
        }
        const value = collection instanceof TrackedMap ? JSON.stringify(collection.peek(key)) : undefined;
        if (value !== undefined && value === touch.before) continue;
        if (touch.deleted) ops.push(`["d",${field},${id}]`);
        ops.push(value === undefined ? `["p",${field},${id}]` : `["p",${field},${id},${value}]`);
      }
    }
    for (const [field, value] of Object.entries(this.state)) {
      if (isCollection(value)) continue;
      const json = JSON.stringify(value);
      if (json === undefined || this.scalars.get(field) === json) continue;
      this.scalars.set(field, json);
      ops.push(`["v",${JSON.stringify(field)},${json}]`);
    }
    this.touched.clear();
    this.clearedFields = [];
    return ops.join(',');
  }

  private rememberScalars(): void {
    this.scalars.clear();
    for (const [field, value] of Object.entries(this.state)) {
      const json = isCollection(value) ? undefined : JSON.stringify(value);
      if (json !== undefined) this.scalars.set(field, json);
    }
  }

  /** Empties the journal and writes the header of the current generation. */
  private resetJournal(): void {
    this.broken = true;
    ftruncateSync(this.fd, 0);
    const head = header(this.generation);
    writeAll(this.fd, head);
    this.bytes = head.length;
    this.broken = false;
  }

  private scheduleCompaction(): void {
    if (this.compactTimer) return;
    // After the answer has left: the request that crossed the limit does not wait for the snapshot.
    this.compactTimer = setImmediate(() => {
      this.compactTimer = null;
      try {
        this.compact();
      } catch (err) {
        this.options.onError?.(err);
      }
    });
  }

  private cancelCompaction(): void {
    if (this.compactTimer) clearImmediate(this.compactTimer);
    this.compactTimer = null;
  }
}

/** Applies the journal to `state`; returns how many bytes of it to keep (0: ignore it, it is stale). */
function replay(file: string, state: State, generation: number, options: JournalOptions): number {
  const data = readFileSync(file);
  let start = 0;
  let line = 0;
  while (start < data.length) {
    const end = data.indexOf(10, start);
    if (end === -1) {
      options.onWarning?.(
        `stripe emulator: ignored an incomplete last line in ${file} (the emulator stopped in the middle of writing it; that request was not answered)`,
      );
      break;
    }
    line++;
    const text = data.toString('utf8', start, end);
    if (line === 1) {
      const found = parseHeader(text);
      if (found === null || found < generation) return 0;
      if (found > generation) {
        throw new Error(
          `The journal ${file} belongs to a newer state file than the one found (generation ${found}, not ${generation}). Restore the matching state file, or delete the journal to start from the state file alone.`,
        );
      }
    } else {
      let ops: unknown;
      try {
        ops = JSON.parse(text);
      } catch {
        throw new Error(
          `Line ${line} of the journal ${file} is damaged. Delete the journal to start from the last snapshot (losing the changes made since it was written).`,
        );
      }
      if (Array.isArray(ops)) apply(state, ops);
    }
    start = end + 1;
  }
  return start;
}

function parseHeader(text: string): number | null {
  try {
    const head = JSON.parse(text) as { generation?: unknown };
    return typeof head.generation === 'number' ? head.generation : null;
  } catch {
    return null;
  }
}

function apply(state: State, ops: unknown[]): void {
  const fields = state as unknown as Record<string, unknown>;
  for (const op of ops) {
    if (!Array.isArray(op) || typeof op[1] !== 'string' || !(op[1] in fields)) continue;
    const target = fields[op[1]];
    if (op[0] === 'v' && !isCollection(target)) fields[op[1]] = op[2];
    else if (op[0] === 'c' && isCollection(target)) target.clear();
    else if (op[0] === 'd' && isCollection(target)) target.delete(op[2]);
    else if (op[0] === 'p' && target instanceof TrackedMap) target.set(op[2], op[3]);
    else if (op[0] === 'p' && target instanceof TrackedSet) target.add(op[2]);
  }
}
