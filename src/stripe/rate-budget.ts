/**
 * A request budget shared by every call to one Stripe account and mode: at most `perSecond` requests start
 * in any window of a second plus `marginMs` (the margin absorbs network jitter, so Stripe, counting arrivals,
 * never sees more than its limit). Callers wait their turn in order; nothing is refused.
 */
export class RateBudget {
  #starts: number[] = [];
  #head = 0;
  #waiting: Array<() => void> = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly marginMs = 25,
  ) {}

  get limit(): number {
    return this.perSecond;
  }

  /** Resolves when this request may start. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      if (!this.#timer) this.#pump();
    });
  }

  #pump(): void {
    this.#timer = undefined;
    const window = 1000 + this.marginMs;
    while (this.#waiting.length > 0) {
      const now = Date.now();
      while (this.#head < this.#starts.length && this.#starts[this.#head]! <= now - window) this.#head++;
      if (this.#head > 1024) {
        this.#starts = this.#starts.slice(this.#head);
        this.#head = 0;
      }
      if (this.#starts.length - this.#head < this.perSecond) {
        this.#starts.push(now);
        this.#waiting.shift()!();
        continue;
      }
      const wait = this.#starts[this.#head]! + window - now;
      this.#timer = setTimeout(() => this.#pump(), Math.max(1, wait));
      this.#timer.unref?.();
      return;
    }
  }
}
