import { INestApplication, Logger } from '@nestjs/common';

const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * On SIGTERM or SIGINT: stop taking work, let in-flight requests and jobs finish,
 * close connections, then exit 0. A second signal, or the deadline, exits at once.
 */
export function stopGracefullyOnSignals(app: INestApplication): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      logger.log(`${signal}: finishing in-flight work`);
      // Within the usual 30 s an orchestrator grants before SIGKILL; jobs cut short are retried.
      setTimeout(() => {
        logger.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
