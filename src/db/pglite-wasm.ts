import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { PGliteOptions } from '@electric-sql/pglite';

type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
/** Node's global; TypeScript's ES libraries declare WebAssembly's types but not its functions. */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };
};

let compiling: Promise<WasmModule> | undefined;

/**
 * How much a WebAssembly function runs before V8 compiles it again, optimised ("tiering budget", roughly
 * bytes of code executed; V8's default is 1,800,000). With the default, opening PGlite and its first queries
 * get hundreds of functions optimised that hardly run again: most of a second of CPU on V8's compiler
 * threads at start-up, and tens of MB of memory that stay with the process. With a budget 500 times larger
 * only what keeps running gets optimised, later: warm queries run as fast (see docs/benchmarks.md). V8 reads
 * it when it instantiates the module and whenever a function has spent it, so it is set before the compile.
 */
const WASM_TIERING_BUDGET = 1_000_000_000;

/**
 * PGlite's WebAssembly module, compiled once per process. V8 compiles it on background threads, so a start
 * that asks for it first thing has it compiled while the rest of Vouch is still loading.
 */
export function pgliteWasm(): Promise<WasmModule> {
  if (!compiling) {
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    const file = createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm');
    compiling = readFile(file).then((bytes) => wasm.compile(bytes));
  }
  return compiling;
}
