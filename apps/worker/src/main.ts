import 'reflect-metadata';
import { AppConfig, createHttpApp, stopGracefullyOnSignals } from '@app/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // Health and metrics only; SIGTERM lets running jobs finish before connections close.
  const app = await createHttpApp(WorkerModule, { openApi: false });
  stopGracefullyOnSignals(app);
  await app.listen({ port: app.get(AppConfig).http.workerPort, host: '0.0.0.0' });
}

void bootstrap();
