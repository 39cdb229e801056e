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
  testEnvironment: 'node',
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
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // One process: test files share the outbox and queues, so they run one after another.
  maxWorkers: 1,
};
