// Join codes: 8 characters from an alphabet without look-alikes (no 0/O, no 1/I), read aloud in
// a lecture hall and typed on a phone. 32 symbols divide 256 evenly, so `byte & 31` is unbiased;
// 32^8 ≈ 10^12 codes make guessing one hopeless at any rate the server allows.
// Web Crypto (global in Node and browsers) keeps this file importable by client forms.

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

const cryptoRandom = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export function generateJoinCode(random: (n: number) => Uint8Array = cryptoRandom): string {
  const bytes = random(JOIN_CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += JOIN_CODE_ALPHABET[byte & 31];
  return code;
}

/** What a student typed, as stored: upper case, without spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}
