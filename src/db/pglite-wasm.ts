import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PGliteOptions } from '@electric-sql/pglite';

type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
/** Node's global; TypeScript's ES libraries declare WebAssembly's types but not its functions. */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };
};

let compiling: Promise<WasmModule> | undefined;

/**
 * PGlite's WebAssembly module, compiled once per process. V8 compiles it on background threads, so a start
 * that asks for it first thing has it compiled while the rest of Vouch is still loading.
 */
export function pgliteWasm(): Promise<WasmModule> {
  compiling ??= readFile(createRequire(import.meta.url).resolve('@electric-sql/pglite/pglite.wasm')).then(
    (bytes) => wasm.compile(bytes),
  );
  return compiling;
}
