// Text in the encodings agencies' files arrive in, made for tests.

/** Vietnamese text in windows-1258, as older Excel saves it (one encoder for the tests and the scripts that make fixtures). */
export { windows1258 } from "../../scripts/windows1258.mjs";
