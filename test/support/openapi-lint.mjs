// Lints an OpenAPI document with Redocly and the rules of redocly.yaml; prints the findings as JSON.
// A separate process, because @redocly/openapi-core is an ES module that Jest's CommonJS loader cannot load.
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [documentPath] = process.argv.slice(2);
const config = await loadConfig({ configPath: 'redocly.yaml' });
const problems = await lintFromString({
  source: readFileSync(documentPath, 'utf8'),
  absoluteRef: resolve(documentPath),
  config,
});
const findings = problems.map((problem) => ({
  rule: problem.ruleId,
  severity: problem.severity,
  where: problem.location[0]?.pointer,
  message: problem.message,
}));
process.stdout.write(JSON.stringify(findings));
