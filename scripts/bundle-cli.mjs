// Bundles the CLI and everything it imports into one file, dist/src/cli/main.js (replacing the compiled entry
// point): Node 20 then reads, links and compiles one module at start-up instead of about 1,300.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUTFILE = join(ROOT, 'dist/src/cli/main.js');

/**
 * Vouch's modules find files beside their compiled selves (migrations, assets, the embedded database
 * template) through `import.meta.url`. In the bundle it is the bundle's URL, so each module's is rewritten
 * to the URL of its compiled file in dist/, where the build put those files.
 */
const compiledFileUrls = {
  name: 'compiled-file-urls',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (relative(ROOT, args.path).startsWith('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const compiled = join(ROOT, 'dist', relative(ROOT, args.path)).replace(/\.ts$/, '.js');
      const path = relative(dirname(OUTFILE), compiled).replaceAll('\\', '/'); // a URL path, on Windows too
      const url = `new URL(${JSON.stringify(path)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * pg asks whether it runs on Cloudflare Workers by making a fetch `Response`, which on Node 20 loads Node's
 * whole fetch implementation at start-up (about 60 ms of CPU and 9 MB) though nothing else at start-up
 * needs it. The bundle runs on Node: the answer is no.
 */
const pgOnNode = {
  name: 'pg-on-node',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const check = 'if (isCloudflareRuntime())';
      if (!source.includes(check)) {
        console.warn(`bundle-cli: ${check} not found in pg's stream.js; pg loads fetch at start-up`);
        return undefined;
      }
      return { contents: source.replace(check, 'if (false)'), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts')],
  outfile: OUTFILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // PGlite loads its WebAssembly and file system image from beside its own modules; pg-native is an
  // optional addon of pg that Vouch does not use.
  external: ['@electric-sql/pglite', 'pg-native'],
  // The bundled CommonJS packages require Node's built-in modules.
  banner: {
    js: "import { createRequire as vouchCreateRequire } from 'node:module';\nconst require = vouchCreateRequire(import.meta.url);",
  },
  // Without whitespace and comments the bundle is 40% smaller, which Node reads and V8 parses at each start.
  // Identifiers are not minified, so functions and classes keep their own names; only the few that two
  // modules both declare at the top get a digit added (pg's `Pool2`). esbuild's keepNames would restore
  // those, but it does so by calling a helper for every function and class made, closures included: on a
  // referral link redirect that was a third of the CPU per request. main.js.map maps positions back
  // (node --enable-source-maps).
  minifyWhitespace: true,
  minifySyntax: true,
  // Licence notices go to main.js.LEGAL.txt; the bundle stays pure ASCII, which V8 keeps at one byte a character.
  legalComments: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
  plugins: [compiledFileUrls, pgOnNode],
  logLevel: 'warning',
});
