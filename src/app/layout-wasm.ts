// yoga's WebAssembly (Ink's layout engine) as bin/ipclab.mjs started compiling it, from
// dist/yoga.wasm, before the bundle loads: V8 compiles it on its own threads while the
// main one reads the bundle (docs/ARCHITECTURE.md "Running"). yoga's entry takes it
// (scripts/build.mjs `yogaBytes`); without it (run from src/, no file) the entry
// compiles its own bytes.
let compiled: Promise<WebAssembly.Module | undefined> | undefined;

export function setLayoutWasm(module: Promise<WebAssembly.Module | undefined>): void {
  compiled = module;
}

export function layoutWasm(): Promise<WebAssembly.Module | undefined> | undefined {
  return compiled;
}
