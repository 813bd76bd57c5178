/**
 * A request budget shared by every call to one Stripe account and mode, so that Stripe does not count more
 * than `perSecond` requests in any second. Stripe counts a request at some moment between its start and its
 * answer, so a request holds its place from its start until a second (plus `marginMs`) after its answer
 * (`done`): a request delayed on its way, or held up at Stripe, cannot make Stripe count more than the limit.
 * Counting starts alone would not do: requests that reach Stripe late land in the same second as the ones
 * sent after them. Starts are also spread out, one every 1000 / perSecond ms, with up to a tenth of a
 * second's worth at once to catch up after a pause. Callers wait their turn in order; nothing is refused.
 */
export class RateBudget {
  /** Requests holding a place: when each started and, once answered, when. */
  #held: Array<{ start: number; answered: number | undefined }> = [];
  #waiting: Array<() => void> = [];
  #timer: NodeJS.Timeout | undefined;
  /** When the next start is due on the even schedule. */
  #due = Number.NEGATIVE_INFINITY;
  readonly #window: number;
  readonly #maxHold: number;
  readonly #spacing: number;
  readonly #burst: number;

  constructor(
    private readonly perSecond: number,
    options: {
      /** Added to the second a place is held after the answer. */
      marginMs?: number;
      /** A place not given back this long after its start is freed anyway (the SDK gives up at 30 s). */
      maxHoldMs?: number;
    } = {},
  ) {
    this.#window = 1000 + (options.marginMs ?? 5);
    this.#maxHold = options.maxHoldMs ?? 60_000;
    this.#spacing = 1000 / perSecond;
    this.#burst = Math.max(2, Math.floor(perSecond / 10));
  }

  get limit(): number {
    return this.perSecond;
  }

  /**
   * Resolves when this request may start, with `done`, to call once its answer (or failure) is back; the
   * place stays held until a second after that.
   */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.#waiting.push(() => {
        const place = { start: performance.now(), answered: undefined as number | undefined };
        this.#held.push(place);
        resolve(() => {
          if (place.answered !== undefined) return;
          place.answered = performance.now();
          // The place may now free up sooner than the timer was set for.
          if (this.#waiting.length > 0) this.#pump();
        });
      });
      if (!this.#timer) this.#pump();
    });
  }

  /** When a place stops counting: a second after its answer (or after `maxHoldMs` without one). */
  #releasedAt(place: { start: number; answered: number | undefined }): number {
    const counted = place.start + this.#maxHold;
    return Math.min(place.answered ?? counted, counted) + this.#window;
  }

  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting.length > 0) {
      const now = performance.now();
      this.#held = this.#held.filter((p) => this.#releasedAt(p) > now);
      // After a pause, at most a burst's worth of starts are due at once.
      const due = Math.max(this.#due, now - this.#spacing * (this.#burst - 1));
      const full = this.#held.length >= this.perSecond;
      if (due <= now && !full) {
        this.#due = due + this.#spacing;
        this.#waiting.shift()!();
        continue;
      }
      const freed = full ? Math.min(...this.#held.map((p) => this.#releasedAt(p))) : now;
      const wait = Math.max(due, freed) - now;
      this.#timer = setTimeout(() => this.#pump(), Math.max(1, Math.ceil(wait)));
      this.#timer.unref?.();
      return;
    }
  }
}
