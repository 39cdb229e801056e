/** Unit tests beside the code (*.spec.ts) and end-to-end tests in test/ (*.e2e-spec.ts). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.(ts|js)$': swc },
  // Jest's module loader cannot require ESM-only packages as Node 22+ can; compile these few to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: {
    // Only the public face of a library; deep imports fail here as in the compiler.
    '^@app/(platform|messaging|identity|carers|respite|volunteers|appreciation|activities|privacy|reports|portal|intake)$':
      '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // Each worker has a database and a Redis database of its own (test/support/worker-stack.ts).
  testEnvironment: '<rootDir>/test/support/worker-environment.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // Much of the suite waits on processes, browsers and mail; two workers keep two cores busy.
  maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
};
