import type { FastifyInstance } from 'fastify';

export interface StartOptions {
  host: string;
  port: number;
  /** Called once the server has closed, e.g. to close the database. */
  onClosed?: () => Promise<void>;
  /** Install SIGTERM/SIGINT handlers (default true). */
  handleSignals?: boolean;
}

/**
 * Listen on `host:port` and shut down gracefully on SIGTERM/SIGINT: stop accepting
 * connections, let in-flight requests finish, then `onClosed` (close the database).
 * Returns the address actually bound (port 0 picks a free one) and a `stop` function.
 *
 * @example
 * const { url, stop } = await startServer(app, { host: '127.0.0.1', port: 3000, onClosed: () => db.destroy() });
 * // url === 'http://127.0.0.1:3000'
 */
export async function startServer(
  app: FastifyInstance,
  options: StartOptions,
): Promise<{ url: string; stop: () => Promise<void> }> {
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await options.onClosed?.();
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        stop().then(
          () => process.exit(0),
          (err: unknown) => {
            app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  return { url: `http://${host}:${port}`, stop };
}
