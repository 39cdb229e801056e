import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { useWorkerStack } from './worker-stack';

/**
 * Node's test environment, with the worker's own database and Redis database in the worker
 * process's environment before the test file's copy of it is taken, so processes a test
 * starts without an explicit environment inherit them too.
 */
export default class WorkerEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    useWorkerStack(process.env, Number(process.env.JEST_WORKER_ID ?? 1));
    super(config, context);
  }
}
