/** The PNG signature and IHDR chunk: a decoder's first check, read by hand so the test needs no image library. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngHeader(bytes: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number } {
  const png = Buffer.from(bytes);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: bad signature");
  if (png.toString("latin1", 12, 16) !== "IHDR" || png.readUInt32BE(8) !== 13) throw new Error("not a PNG: IHDR is not the first chunk");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png.readUInt8(24), colorType: png.readUInt8(25) };
}
