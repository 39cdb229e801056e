import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the portal's templates and own assets are: beside the built API (copied there by the
 * build) or, when running from source (tests), in this library.
 */
export function portalDirectory(name: 'views' | 'assets'): string {
  const candidates = [join(__dirname, name), join(process.cwd(), 'libs/portal/src', name)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`The portal's ${name} are missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** The directory of an installed package's built CSS. */
export function packageDirectory(packageName: string, subdirectory: string): string {
  // Resolved at run time from this file's place (the bundler must not rewrite it).
  const resolve = createRequire(__filename).resolve;
  return join(dirname(resolve(`${packageName}/package.json`)), subdirectory);
}
