import 'reflect-metadata';
import { AppConfig, createHttpApp, stopGracefullyOnSignals } from '@app/platform';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp(ApiModule);
  stopGracefullyOnSignals(app);
  await app.listen({ port: app.get(AppConfig).http.port, host: '0.0.0.0' });
}

void bootstrap();
