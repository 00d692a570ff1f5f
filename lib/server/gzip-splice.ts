// A page kept once and sent many times, each time with a fresh CSP nonce, gzipped without compressing the
// page again. The parts between the nonces are deflated once, each ending on a full flush: the stream is
// byte-aligned there and nothing after it refers back across it (RFC 1951 §3.2.4), so a fresh nonce can be
// put between two parts as a stored (uncompressed) block. A gzip member is a header, the deflate stream,
// the CRC-32 of the uncompressed bytes and their length (RFC 1952); the CRC is the one per-response cost
// that grows with the page, and zlib.crc32 runs at gigabytes a second.
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface Spliceable {
  /** the body split where the token was, without it */
  parts: Buffer[];
  /** each part as raw deflate ending on a full flush */
  deflated: Buffer[];
  /** what it holds, for a cache's byte bound */
  bytes: number;
}

export function spliceable(body: Buffer, token: string | null): Spliceable {
  const parts = token ? split(body, Buffer.from(token, "utf8")) : [body];
  const deflated = parts.map((p) => deflateRawSync(p, { level: 6, finishFlush: constants.Z_FULL_FLUSH }));
  let bytes = 0;
  for (let i = 0; i < parts.length; i++) bytes += parts[i].length + deflated[i].length;
  return { parts, deflated, bytes };
}

function split(body: Buffer, sep: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let from = 0; ;) {
    const at = body.indexOf(sep, from);
    if (at < 0) return [...out, body.subarray(from)];
    out.push(body.subarray(from, at));
    from = at + sep.length;
  }
}

/** The body with `token` where the old one was. */
export function plainWith(s: Spliceable, token: string): Buffer {
  const t = Buffer.from(token, "utf8");
  return Buffer.concat(s.parts.flatMap((p, i) => (i === 0 ? [p] : [t, p])));
}

/** magic, deflate, no flags, no time, no extra flags, OS unknown */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** the last block: empty, final, fixed Huffman */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/** Stored blocks: BFINAL 0, BTYPE 00, then LEN and its one's complement, then the bytes (at most 65,535 each). */
function storedBlocks(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += 0xffff) {
    const piece = b.subarray(i, i + 0xffff);
    const head = Buffer.alloc(5);
    head.writeUInt16LE(piece.length, 1);
    head.writeUInt16LE(~piece.length & 0xffff, 3);
    out.push(head, piece);
  }
  return out;
}

/** The body with `token` where the old one was, as one gzip member. */
export function gzipWith(s: Spliceable, token: string): Buffer {
  const t = Buffer.from(token, "utf8");
  const tBlocks = storedBlocks(t);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  for (let i = 0; i < s.parts.length; i++) {
    if (i > 0) {
      out.push(...tBlocks);
      crc = crc32(t, crc);
      length += t.length;
    }
    out.push(s.deflated[i]);
    crc = crc32(s.parts[i], crc);
    length += s.parts[i].length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  return Buffer.concat([...out, FINAL_BLOCK, trailer]);
}
