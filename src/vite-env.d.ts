/// <reference types="svelte" />
/// <reference types="vite/client" />

/** A hash of the reader's code (vite.config.ts): what a kept import was read with. */
declare const __READER_VERSION__: string;

/** The size of duckdb-wasm's wasm, in bytes (vite.config.ts): what the engine's download is shown against. */
declare const __WASM_BYTES__: number;
