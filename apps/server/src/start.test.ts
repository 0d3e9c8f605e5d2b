import { createTestDatabase, migrateToLatest } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { startServer } from './start.js';

describe('startServer', () => {
  it('lets an in-flight request finish before closing the database', async () => {
    const t = await createTestDatabase('sqlite');
    await migrateToLatest(t.handle);
    const app = await buildApp({ database: t.handle, logger: false });
    const events: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    app.get('/api/slow', { config: { access: { public: true } } }, async () => {
      arrived();
      await held;
      events.push('request finished');
      return { done: true };
    });
    const { url, stop } = await startServer(app, {
      host: '127.0.0.1',
      port: 0,
      handleSignals: false,
      onClosed: async () => {
        events.push('database closed');
        await t.cleanup();
      },
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = fetch(`${url}/api/slow`);
    await inFlight;
    const stopped = stop();
    release();
    expect(await (await response).json()).toEqual({ done: true });
    await stopped;
    expect(events).toEqual(['request finished', 'database closed']);
  });
});
