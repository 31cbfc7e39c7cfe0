// Shared by the commands: options parsed strictly, usage on an error (exit 2) or on --help (exit 0).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'];

/** The parsed option values, or the exit status when the command should stop here. */
export function parseCommand<T extends Options>(argv: string[], options: T, usage: string): Values<T> | number {
  let values: Values<T>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Values<T>;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if ((values as Record<string, unknown>).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return values;
}
