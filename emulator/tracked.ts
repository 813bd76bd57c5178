/**
 * Maps and sets that tell a `ChangeSink` which entries a request reached, so the journal (journal.ts) can
 * write just those entries before the answer leaves. While the sink is not recording they behave exactly
 * like Map and Set, at the cost of one property check per call.
 */

/** A map or set of the state, named by its field on `State`. */
export interface TrackedCollection {
  readonly field: string;
}

export interface ChangeSink {
  readonly recording: boolean;
  /** A value was handed out (get or iteration): the caller may change it in place. */
  reached(collection: TrackedCollection, key: unknown, value: unknown): void;
  /** The entry was set, added or deleted. */
  changed(collection: TrackedCollection, key: unknown, deleted: boolean): void;
  cleared(collection: TrackedCollection): void;
}

export class TrackedMap<K, V> extends Map<K, V> implements TrackedCollection {
  #sink: ChangeSink | null = null;
  #field = '';

  constructor(entries?: Iterable<readonly [K, V]> | null) {
    // Not super(entries): Map's constructor would call set() before the private fields exist.
    super();
    for (const [key, value] of entries ?? []) this.set(key, value);
  }

  get field(): string {
    return this.#field;
  }

  /** Reports changes to `sink` under `field` (the map's name on `State`). */
  track(sink: ChangeSink | null, field: string): void {
    this.#sink = sink;
    this.#field = field;
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined && this.#sink?.recording) this.#sink.reached(this, key, value);
    return value;
  }

  override set(key: K, value: V): this {
    if (this.#sink?.recording) this.#sink.changed(this, key, false);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.#sink?.recording && super.has(key)) this.#sink.changed(this, key, true);
    return super.delete(key);
  }

  override clear(): void {
    if (this.#sink?.recording) this.#sink.cleared(this);
    super.clear();
  }

  override values(): MapIterator<V> {
    if (!this.#sink?.recording) return super.values();
    return this.#reachAll((_key, value) => value);
  }

  override entries(): MapIterator<[K, V]> {
    if (!this.#sink?.recording) return super.entries();
    return this.#reachAll((key, value): [K, V] => [key, value]);
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  // biome-ignore lint/suspicious/noExplicitAny: the signature of Map.forEach.
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: any): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }

  /** The value without reporting it: for code that only reads, such as writing a snapshot. */
  peek(key: K): V | undefined {
    return super.get(key);
  }

  /** All entries without reporting them. */
  peekEntries(): MapIterator<[K, V]> {
    return super.entries();
  }

  #reachAll<T>(pick: (key: K, value: V) => T): MapIterator<T> {
    const sink = this.#sink;
    const entries = super.entries();
    const self = this;
    function* walk(): Generator<T> {
      for (const [key, value] of entries) {
        sink?.reached(self, key, value);
        yield pick(key, value);
      }
    }
    // A generator is an iterator like MapIterator, minus the iterator helpers Node 20 does not have.
    return walk() as unknown as MapIterator<T>;
  }
}

/** A set of ids; its members are strings, so only add, delete and clear change it. */
export class TrackedSet<T> extends Set<T> implements TrackedCollection {
  #sink: ChangeSink | null = null;
  #field = '';

  constructor(values?: Iterable<T> | null) {
    super();
    for (const value of values ?? []) this.add(value);
  }

  get field(): string {
    return this.#field;
  }

  track(sink: ChangeSink | null, field: string): void {
    this.#sink = sink;
    this.#field = field;
  }

  override add(value: T): this {
    if (this.#sink?.recording) this.#sink.changed(this, value, false);
    return super.add(value);
  }

  override delete(value: T): boolean {
    if (this.#sink?.recording && super.has(value)) this.#sink.changed(this, value, true);
    return super.delete(value);
  }

  override clear(): void {
    if (this.#sink?.recording) this.#sink.cleared(this);
    super.clear();
  }
}
