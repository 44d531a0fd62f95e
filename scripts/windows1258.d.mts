// Types of scripts/windows1258.mjs, for the tests that use it.
export function windows1258(text: string): Uint8Array;
