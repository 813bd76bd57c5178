import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, sandboxEnabled } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './.vouch',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      VOUCH_PUBLIC_URL: 'example.com',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'VOUCH_PUBLIC_URL',
    ]);
    expect(problems.join('\n')).toContain('postgres://');
  });

  it('refuses a port out of range and a short secret', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ VOUCH_SECRET: 'short' })[0]).toMatch(/^VOUCH_SECRET: must be at least 32/);
  });

  it('requires VOUCH_SECRET with DATABASE_URL', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })[0]).toMatch(
      /^VOUCH_SECRET: required/,
    );
    expect(
      problemsOf({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', VOUCH_SECRET: 'x'.repeat(32) }),
    ).toEqual([]);
  });

  it('checks the bootstrap key is a secret key', () => {
    expect(problemsOf({ VOUCH_BOOTSTRAP_API_KEY: `vch_pk_${'a'.repeat(40)}` })[0]).toMatch(
      /^VOUCH_BOOTSTRAP_API_KEY/,
    );
    expect(problemsOf({ VOUCH_BOOTSTRAP_API_KEY: `vch_sk_${'a'.repeat(40)}` })).toEqual([]);
  });

  it('treats blank values as unset and trims the public URL', () => {
    const config = loadConfig({ PORT: '', VOUCH_PUBLIC_URL: 'https://refer.example.com/' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('https://refer.example.com');
  });

  it('runs the Stripe sandbox by default only in embedded mode without a Stripe API base', () => {
    const secret = 'x'.repeat(32);
    expect(sandboxEnabled(loadConfig({}))).toBe(true);
    expect(sandboxEnabled(loadConfig({ DATABASE_URL: 'postgres://h/db', VOUCH_SECRET: secret }))).toBe(false);
    expect(sandboxEnabled(loadConfig({ STRIPE_API_BASE: 'http://127.0.0.1:12111' }))).toBe(false);
    expect(
      sandboxEnabled(
        loadConfig({ DATABASE_URL: 'postgres://h/db', VOUCH_SECRET: secret, VOUCH_SANDBOX: 'on' }),
      ),
    ).toBe(true);
    expect(sandboxEnabled(loadConfig({ VOUCH_SANDBOX: 'off' }))).toBe(false);
    expect(
      problemsOf({ VOUCH_SANDBOX: 'maybe', STRIPE_API_BASE: 'stripe' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['STRIPE_API_BASE', 'VOUCH_SANDBOX']);
  });

  it('reads which proxies to trust and the redirect rate limit', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ VOUCH_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ VOUCH_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(problemsOf({ VOUCH_TRUST_PROXY: '2' })[0]).toMatch(/^VOUCH_TRUST_PROXY:/);
    expect(problemsOf({ VOUCH_TRUST_PROXY: 'everyone' })[0]).toMatch(/^VOUCH_TRUST_PROXY:/);
    expect(loadConfig({ VOUCH_REDIRECT_RATE_LIMIT: '5000' }).redirectRateLimit).toBe(5000);
    expect(problemsOf({ VOUCH_REDIRECT_RATE_LIMIT: '0' })[0]).toMatch(/^VOUCH_REDIRECT_RATE_LIMIT:/);
  });

  it('reads the limits on strangers and the statement timeout, naming a bad one', () => {
    expect(loadConfig({}).publicLimits).toEqual({
      signupsPerClient: 20,
      signupsPerReferrer: 100,
      authFailuresPerClient: 30,
    });
    expect(
      loadConfig({
        VOUCH_SIGNUP_LIMIT_PER_CLIENT: '5',
        VOUCH_SIGNUP_LIMIT_PER_REFERRER: '7',
        VOUCH_AUTH_FAILURE_LIMIT: '9',
      }).publicLimits,
    ).toEqual({ signupsPerClient: 5, signupsPerReferrer: 7, authFailuresPerClient: 9 });
    expect(problemsOf({ VOUCH_SIGNUP_LIMIT_PER_CLIENT: '0' })[0]).toMatch(/^VOUCH_SIGNUP_LIMIT_PER_CLIENT:/);
    expect(problemsOf({ VOUCH_AUTH_FAILURE_LIMIT: 'many' })[0]).toMatch(/^VOUCH_AUTH_FAILURE_LIMIT:/);
    expect(loadConfig({}).statementTimeoutMs).toBe(10_000);
    expect(loadConfig({ VOUCH_STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(problemsOf({ VOUCH_STATEMENT_TIMEOUT_MS: '5' })[0]).toMatch(/^VOUCH_STATEMENT_TIMEOUT_MS:/);
  });

  it('reads the limits on failed sign-ins, refusing a bad one with what is allowed', () => {
    expect(loadConfig({}).signInLimits).toEqual({ perAccount: 10, perClient: 30, windowMs: 15 * 60_000 });
    expect(
      loadConfig({
        VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: '5',
        VOUCH_SIGNIN_LIMIT_PER_CLIENT: ' 100 ',
        VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: '60',
      }).signInLimits,
    ).toEqual({ perAccount: 5, perClient: 100, windowMs: 60 * 60_000 });
    expect(loadConfig({ VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: '' }).signInLimits.perAccount).toBe(10);
    expect(
      problemsOf({
        VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: '0',
        VOUCH_SIGNIN_LIMIT_PER_CLIENT: 'lots',
        VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: '2.5',
      }),
    ).toEqual([
      'VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: must be a whole number from 1 to 1000',
      'VOUCH_SIGNIN_LIMIT_PER_CLIENT: must be a whole number from 1 to 100000',
      'VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: must be a whole number of minutes from 1 to 1440',
    ]);
    expect(problemsOf({ VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: '1441' })).toEqual([
      'VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: must be a whole number of minutes from 1 to 1440',
    ]);
  });

  it('runs repeated statements prepared unless DATABASE_PREPARED_STATEMENTS=off', () => {
    expect(loadConfig({}).databasePreparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).databasePreparedStatements).toBe(false);
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'no' })).toEqual([
      'DATABASE_PREPARED_STATEMENTS: must be on or off',
    ]);
  });

  it('takes Stripe Connect OAuth settings only as a pair', () => {
    expect(loadConfig({}).stripeConnect).toBeUndefined();
    expect(
      loadConfig({ STRIPE_CONNECT_CLIENT_ID: 'ca_123', STRIPE_CONNECT_SECRET_KEY: 'sk_live_abc' })
        .stripeConnect,
    ).toEqual({
      clientId: 'ca_123',
      platformKey: 'sk_live_abc',
    });
    expect(problemsOf({ STRIPE_CONNECT_CLIENT_ID: 'ca_123' })[0]).toMatch(
      /^STRIPE_CONNECT_SECRET_KEY: required/,
    );
    expect(
      problemsOf({ STRIPE_CONNECT_CLIENT_ID: 'client', STRIPE_CONNECT_SECRET_KEY: 'sk_live_abc' })[0],
    ).toMatch(/^STRIPE_CONNECT_CLIENT_ID:/);
  });
});
