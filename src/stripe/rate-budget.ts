/**
 * A request budget shared by every call to one Stripe account and mode, so that Stripe does not count more
 * than `perSecond` requests in any second.
 *
 * What Stripe counts, and when. Stripe limits the API requests of an account (all its keys together) per
 * second; a request over the limit is answered 429 and does nothing. Its limiter runs when the request
 * arrives, before Stripe works on it: the hundreds of milliseconds Stripe then takes to answer come after the
 * count. (The emulator counts the same way; its `latencyMs` delays answers, not counts.) A request that
 * starts here at `s` is counted at `s + d`, `d` being its way there: the network, a new connection's
 * handshake, a pause of this process or of the other end before it reads the request.
 *
 * The rule. A request holds its place from its start until a second (plus `marginMs`, for the rounding of
 * timers) after the earlier of its answer and `transitMs` after its start; a start is allowed only while
 * fewer than `perSecond` places are held. If every request's way there takes between some `d0` and
 * `d0 + transitMs` (whatever `d0`), Stripe never counts more than `perSecond` in any second `(t - 1000, t]`.
 * Of the requests counted in it, let the last to start have started at `s'`: `s' <= t - d0`. Every other one
 * started no later, was counted at some `c > t - 1000`, so started at `s >= c - d0 - transitMs` and was
 * answered after `c`: its place is held until at least `min(answer, s + transitMs) + 1000 > t - d0 >= s'`.
 * So at `s'` all of them still held their places, and they were fewer than `perSecond`. That covers a
 * sliding second (the emulator), fixed seconds, and a bucket of a second's worth of requests. Only the
 * spread of the way there counts, not its length: 80 ms every time shifts every count alike. `transitMs`
 * (50 ms by default) covers that spread on kept-alive connections. Against a server that answers in 300 ms a
 * place is held about 1.05 s, where holding it until a second after the answer would take 1.3 s (at most
 * 0.77 of the limit).
 *
 * Slower than usual. What breaks the rule is a request counted late: one that waited on its way, or at the
 * other end before it was read (a stall). Such a request is also answered late, since Stripe's work comes
 * after the count. So a request not answered within the usual time (the 90th percentile of the last 64
 * answer times, plus `transitMs`) is taken as counted as late as its answer allows. Stripe's work and the
 * way back take about as long for every request as for the quickest lately, so each request was counted at
 * least the floor before its answer (the quickest of the last 64 answer times, less `transitMs` for its way
 * there). A slow request holds its place until a second after its answer less the floor (after its answer,
 * against a server that answers at once), and while unanswered, until its answer. That needs no bound on the
 * way there, costs only the slow requests their extra time, and keeps the rule's guarantee, since it only
 * holds places longer.
 *
 * On a 429 nonetheless (the account's other traffic, or a request counted late yet answered in the usual
 * time), Stripe did nothing: stripe-client.ts sends the request again after about half a second (doubling
 * up to 4 s on each further 429), through the budget, with the same idempotency key; after five retries
 * the caller's own retries take over (a job's: 1, 2, 4 ... 30 s). The budget is told (`rateLimited()`)
 * and, for `cautiousMs` (10 s), holds every place as a slow request's: against answers in 250 to 400 ms,
 * about 1.13 s a place, still close to 0.9 of the limit. Each further 429 starts the 10 s again.
 *
 * Starts are also spread out, one every 1000 / perSecond ms, with up to a tenth of a second's worth at once
 * to catch up after a pause. Callers wait their turn; nothing is refused. Calls a person waits on (the
 * default lane) go first; jobs name their own lane (`acquire('sync')`) and take turns, so one job with
 * many requests waiting does not hold back another.
 */
export class RateBudget {
  /** Requests holding a place: when each started and, once answered, when. */
  #held: Array<{ start: number; answered: number | undefined }> = [];
  /** Callers waiting for a start, by lane. */
  #lanes = new Map<string, Array<() => void>>();
  #waiting = 0;
  /** The job lane served last, so the next turn goes to another. */
  #lastLane = '';
  #timer: NodeJS.Timeout | undefined;
  /** When the next start is due on the even schedule. */
  #due = Number.NEGATIVE_INFINITY;
  /** Until when places are held until a second after the answer (after a 429). */
  #cautiousUntil = Number.NEGATIVE_INFINITY;
  /** Answer times (ms from the start) of the last requests, and how many were recorded. */
  #times: number[] = [];
  #recorded = 0;
  /** A request that takes longer than this to be answered may have been counted late (see `#record`). */
  #usual: number;
  /** What every request takes at least from its count to its answer, as far as the last answers tell. */
  #floor = 0;
  readonly #window: number;
  readonly #transit: number;
  readonly #cautiousMs: number;
  readonly #maxHold: number;
  readonly #spacing: number;
  readonly #burst: number;

  constructor(
    private readonly perSecond: number,
    options: {
      /** The spread of the time a request takes to be counted after its start. */
      transitMs?: number;
      /** Added to the second a place is held, for timer rounding. */
      marginMs?: number;
      /** How long after a 429 places are held until a second after the answer. */
      cautiousMs?: number;
      /** Meanwhile, a place not given back this long after its start is freed anyway (the SDK gives up at 30 s). */
      maxHoldMs?: number;
    } = {},
  ) {
    this.#window = 1000 + (options.marginMs ?? 5);
    this.#transit = options.transitMs ?? 50;
    this.#usual = this.#transit;
    this.#cautiousMs = options.cautiousMs ?? 10_000;
    this.#maxHold = options.maxHoldMs ?? 60_000;
    this.#spacing = 1000 / perSecond;
    this.#burst = Math.max(2, Math.floor(perSecond / 10));
  }

  get limit(): number {
    return this.perSecond;
  }

  /**
   * Resolves when this request may start, with `done`, to call once its answer (or failure) is back. `lane`
   * names the job asking; without one the call goes ahead of the jobs' calls.
   */
  acquire(lane = ''): Promise<() => void> {
    return new Promise((resolve) => {
      const queue = this.#lanes.get(lane) ?? [];
      this.#lanes.set(lane, queue);
      this.#waiting++;
      queue.push(() => {
        const place = { start: performance.now(), answered: undefined as number | undefined };
        this.#held.push(place);
        resolve(() => {
          if (place.answered !== undefined) return;
          place.answered = performance.now();
          this.#record(place.answered - place.start);
          // The place may now free up sooner than the timer was set for.
          if (this.#waiting > 0) this.#pump();
        });
      });
      if (!this.#timer) this.#pump();
    });
  }

  /** Stripe answered 429: for `cautiousMs`, every place is held as a slow request's is. */
  rateLimited(): void {
    this.#cautiousUntil = performance.now() + this.#cautiousMs;
  }

  /**
   * Keeps the last 64 answer times; every 16 answers, the usual answer time becomes their 90th percentile
   * plus `transitMs`, and the floor the quickest of them less `transitMs` (lowered at once by a quicker one).
   */
  #record(ms: number): void {
    this.#times[this.#recorded++ % 64] = ms;
    this.#floor = Math.min(this.#floor, Math.max(0, ms - this.#transit));
    if (this.#recorded % 16 !== 0) return;
    const sorted = [...this.#times].sort((a, b) => a - b);
    this.#usual = sorted[Math.floor(sorted.length * 0.9)]! + this.#transit;
    this.#floor = Math.max(0, sorted[0]! - this.#transit);
  }

  /**
   * When a place stops counting: a second after the earlier of its answer and `transitMs` after its start.
   * For a request slower than usual, or any request while cautious after a 429: not before a second after
   * its answer less the floor (it was counted at least that long before its answer), and, unanswered, not
   * before its answer (or `maxHoldMs`).
   */
  #releasedAt(place: { start: number; answered: number | undefined }, now: number): number {
    const quick = Math.min(place.answered ?? Number.POSITIVE_INFINITY, place.start + this.#transit);
    const slow = (place.answered ?? now) - place.start > this.#usual;
    if (!slow && now >= this.#cautiousUntil) return quick + this.#window;
    if (place.answered === undefined) return place.start + this.#maxHold + this.#window;
    return Math.max(quick, place.answered - this.#floor) + this.#window;
  }

  /** The next caller: the default lane first, then the job lanes in turn. */
  #next(): () => void {
    let lane = '';
    if (!this.#lanes.get('')?.length) {
      const names = [...this.#lanes.keys()].filter((name) => this.#lanes.get(name)!.length > 0).sort();
      lane = names.find((name) => name > this.#lastLane) ?? names[0]!;
      this.#lastLane = lane;
    }
    const queue = this.#lanes.get(lane)!;
    const caller = queue.shift()!;
    if (queue.length === 0) this.#lanes.delete(lane);
    this.#waiting--;
    return caller;
  }

  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting > 0) {
      const now = performance.now();
      this.#held = this.#held.filter((p) => this.#releasedAt(p, now) > now);
      // After a pause, at most a burst's worth of starts are due at once.
      const due = Math.max(this.#due, now - this.#spacing * (this.#burst - 1));
      const full = this.#held.length >= this.perSecond;
      if (due <= now && !full) {
        this.#due = due + this.#spacing;
        this.#next()();
        continue;
      }
      // Places may also free up when the cautious time after a 429 ends.
      const cautiousEnd = now < this.#cautiousUntil ? this.#cautiousUntil : Number.POSITIVE_INFINITY;
      const freed = full ? Math.min(cautiousEnd, ...this.#held.map((p) => this.#releasedAt(p, now))) : now;
      const wait = Math.max(due, freed) - now;
      this.#timer = setTimeout(() => this.#pump(), Math.max(1, Math.ceil(wait)));
      this.#timer.unref?.();
      return;
    }
  }
}
