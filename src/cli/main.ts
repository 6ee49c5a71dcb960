/** Node entry point: `npm run cli -- <command>` or `scripts/nervetrace.mjs <command>`. */
import { runCli } from './cli.ts';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
