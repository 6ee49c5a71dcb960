/**
 * What `import … from 'zod'` resolves to in the Vite build (resolve.alias in vite.config.ts).
 *
 * The Content-Security-Policy in index.html forbids eval. Zod compiles object schemas with
 * `new Function` unless told not to, and probes for it with `Function('')` as each
 * `z.object(…)` is defined, which the browser reports as a policy violation. Configuring
 * jitless here, in the module every zod importer depends on, runs before any schema exists,
 * whatever order the bundler puts the modules in. Parsing results are the same either way.
 */
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
