/**
 * A small, strict command-line parser: known flags only, so a typo is a usage error
 * instead of being silently ignored.
 */

export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value, e.g. '--points'. */
  readonly valued: readonly string[];
  /** Boolean flags, e.g. '--json'. */
  readonly flags: readonly string[];
  /** Short spellings of long options, e.g. { '-o': '--output' }. */
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

/** Accepts `--name value`, `--name=value`, declared short aliases (`-o value`), and `--` to end options. Throws UsageError. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const given = argv[i]!;
    const arg = !onlyPositionals && spec.aliases && Object.prototype.hasOwnProperty.call(spec.aliases, given) ? spec.aliases[given]! : given;
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`The option ${name} takes no value.`);
      flags.add(name);
    } else if (spec.valued.includes(name)) {
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined) throw new UsageError(`The option ${name} needs a value.`);
      if (values.has(name)) throw new UsageError(`The option ${name} was given more than once.`);
      values.set(name, value);
    } else {
      throw new UsageError(`Unknown option ${name}.`);
    }
  }
  return { positionals, values, flags };
}
