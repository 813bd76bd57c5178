import { describe, expect, it } from 'vitest';
import { findUnstorable, isStorableText } from '../src/db/storable-text.js';

describe('text Postgres can store', () => {
  it('refuses NUL characters and unpaired surrogates, and keeps every other character', () => {
    expect(isStorableText('plain, émoji 😀, 中文')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false);
    expect(isStorableText('a\udc00b')).toBe(false);
    expect(isStorableText('\ud83d\ude00')).toBe(true);
  });

  it('names the first place in a value that holds one', () => {
    expect(findUnstorable({ name: 'ok', items: [{ x: 1 }, { name: 'b\u0000' }] })).toBe('items[1].name');
    expect(findUnstorable({ metadata: { 'k\u0000': 'v' } })).toBe('metadata');
    expect(findUnstorable({ 'a\u0000': 1 })).toBe('');
    expect(findUnstorable('a\u0000')).toBe('');
    expect(findUnstorable({ fine: ['x', 1, null, true, { y: 'z' }] })).toBeUndefined();
    expect(findUnstorable(Buffer.from([0, 1, 2]))).toBeUndefined();
  });

  it('walks nesting far deeper than the call stack allows', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorable(deep)).toMatch(/^(\[0\]){200000}$/);
  });
});
