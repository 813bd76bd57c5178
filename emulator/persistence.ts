/** Optional state file: loaded at start, saved debounced after changes (temp file + rename) and on close. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { State } from './store.js';

export function loadState(file: string | undefined): State {
  if (!file || !existsSync(file)) return new State();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; state?: Record<string, unknown> };
  return raw.state ? State.fromJSON(raw.state) : new State();
}

export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string,
    private readonly state: () => State,
    private readonly debounceMs = 100,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const write = async (): Promise<void> => {
      if (!this.dirty) return;
      this.dirty = false;
      const body = JSON.stringify({ version: 1, savedAt: new Date().toISOString(), state: this.state() });
      const tmp = `${this.file}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFile(tmp, body, 'utf8');
        await rename(tmp, this.file);
      } catch (err) {
        this.dirty = true;
        this.onError(err);
      }
    };
    this.writing = this.writing.then(write, write);
    await this.writing;
  }
}
