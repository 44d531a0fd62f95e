// Vietnamese text in windows-1258, as older Excel saves it: letters with a circumflex, breve or
// horn (and đ) have their own byte; tone marks are separate combining bytes after the letter.
// Test data only (the traps of scripts/make-traps.mjs, the broken corpus): the tool itself only
// decodes this encoding.
export function windows1258(text) {
  const decoder = new TextDecoder("windows-1258");
  const byteOf = new Map();
  for (let b = 0; b < 256; b++) {
    const c = decoder.decode(Uint8Array.of(b));
    if (c !== "\ufffd" && !byteOf.has(c)) byteOf.set(c, b);
  }
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const out = [];
  for (const ch of text.normalize("NFC")) {
    const direct = byteOf.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const nfd = ch.normalize("NFD");
    const letter = byteOf.get(nfd.replace(tones, "").normalize("NFC"));
    if (letter === undefined) throw new Error(`not in windows-1258: ${ch}`);
    out.push(letter, ...(nfd.match(tones) ?? []).map((t) => byteOf.get(t)));
  }
  const bytes = Uint8Array.from(out);
  // The encoder is test code: check it against the decoder before trusting it.
  if (decoder.decode(bytes).normalize("NFC") !== text.normalize("NFC")) throw new Error("windows-1258 round trip failed");
  return bytes;
}
