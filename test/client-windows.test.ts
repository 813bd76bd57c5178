import { describe, expect, it } from 'vitest';
import { ClientWindows } from '../src/http/client-windows.js';

describe('per-client request windows', () => {
  it('lets `max` requests through in a window, then says how long until it ends', () => {
    const windows = new ClientWindows(3, 60_000);
    const start = 1_000_000;
    expect([0, 1, 2].map((i) => windows.take('10.0.0.1', start + i))).toEqual([null, null, null]);
    expect(windows.take('10.0.0.1', start + 3)).toBe(60);
    expect(windows.take('10.0.0.1', start + 30_000)).toBe(30);
    // A refusal never lengthens the window, and the last second rounds up.
    expect(windows.take('10.0.0.1', start + 59_999)).toBe(1);
    expect(windows.take('10.0.0.1', start + 60_000)).toBeNull();
  });

  it('counts each client apart', () => {
    const windows = new ClientWindows(1, 1000);
    expect(windows.take('a', 0)).toBeNull();
    expect(windows.take('b', 0)).toBeNull();
    expect(windows.take('a', 1)).toBe(1);
  });

  it('remembers a bounded number of clients, forgetting the one seen least recently', () => {
    const windows = new ClientWindows(1, 60_000, 2);
    windows.take('a', 0);
    windows.take('b', 0);
    windows.take('a', 1);
    windows.take('c', 2);
    // a, seen again, is still counted; b was forgotten and starts a new window.
    expect(windows.take('a', 3)).toBe(60);
    expect(windows.take('b', 4)).toBeNull();
  });
});
