/** A bad input on the command line: printed as is, exit code 1. */
export class CliError extends Error {}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
