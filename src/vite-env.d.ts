/// <reference types="svelte" />
/// <reference types="vite/client" />

/** A hash of the reader's code (vite.config.ts): what a kept import was read with. */
declare const __READER_VERSION__: string;
