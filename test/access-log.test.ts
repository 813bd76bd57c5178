import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccessLog } from '../src/http/access-log.js';
import { createLogger } from '../src/logger.js';

/** A Fastify app with the access log, logging to a string at `level`. */
async function appAt(level: 'info' | 'debug', slowMs?: number) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger(level, sink) as FastifyBaseLogger;
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  registerAccessLog(app, slowMs);
  app.get('/r/:slug', async (_request, reply) => reply.redirect('https://shop.example.com/', 302));
  app.get('/broken', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return { app, lines };
}

const accessLines = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => ['request completed', 'request failed', 'slow request'].includes(l.msg as string));

describe('access log', () => {
  it('writes nothing for a good request at info, and a warning for a server error', async () => {
    const { app, lines } = await appAt('info');
    expect((await app.inject({ url: '/r/jane?utm=x' })).statusCode).toBe(302);
    expect((await app.inject({ url: '/broken' })).statusCode).toBe(500);
    await app.close();
    expect(accessLines(lines)).toEqual([
      expect.objectContaining({
        msg: 'request failed',
        method: 'GET',
        url: '/broken',
        status: 500,
        level: 40,
      }),
    ]);
  });

  it('writes one line per request at debug, with the route rather than the query', async () => {
    const { app, lines } = await appAt('debug');
    await app.inject({ url: '/r/jane?email=someone@example.com' });
    await app.close();
    const [line, ...rest] = accessLines(lines);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ msg: 'request completed', url: '/r/:slug', status: 302, level: 20 });
    expect(JSON.stringify(lines)).not.toContain('someone@example.com');
  });

  it('warns of a slow request at info', async () => {
    const { app, lines } = await appAt('info', 0);
    await app.inject({ url: '/r/jane' });
    await app.close();
    expect(accessLines(lines)).toEqual([
      expect.objectContaining({ msg: 'slow request', url: '/r/:slug', status: 302, level: 40 }),
    ]);
  });
});
