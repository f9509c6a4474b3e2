// Command-line parsing shared by the Node scripts: `node:util` parseArgs in
// strict mode, with the conventions they all follow, so each script only
// declares its options:
// - `--help`/`-h` prints the usage on stdout and exits 0;
// - an unknown option, a missing or bad value prints the error and the usage
//   line on stderr and exits 2 (callers such as test.sh tell it from a failure, 1).
import { parseArgs } from 'node:util';

/** A bad command line: `parseCli` reports it with the usage. */
export class UsageError extends Error {}

/**
 * Parses `args` (default: process.argv after the script) against `options`
 * (parseArgs' format; `default`s included), then hands the values and
 * positionals to `build`, which returns the script's settings or throws a
 * UsageError. `name` prefixes messages; `usage` is the full help text.
 */
export function parseCli({ name, usage, options = {}, positionals = false, build = (v) => v, args = process.argv.slice(2) }) {
  const text = usage.trimEnd();
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: positionals,
      strict: true,
    });
    if (parsed.values.help) {
      console.log(text);
      process.exit(0);
    }
    return build(parsed.values, parsed.positionals);
  } catch (err) {
    // parseArgs' own errors carry an ERR_PARSE_ARGS_* code; anything else is a bug.
    if (!(err instanceof UsageError) && !String(err.code).startsWith('ERR_PARSE_ARGS')) throw err;
    // The usage line only: the full help would bury the error.
    console.error(`${name}: ${err.message}\n${text.split('\n')[0]}\n(--help for the options)`);
    process.exit(2);
  }
}

/** `value` (an option's string) as an integer in [min, max], or a UsageError naming `flag`. */
export function int(value, flag, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, not ${JSON.stringify(value)}`);
  }
  return n;
}
