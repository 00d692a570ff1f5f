// The shared password's scrypt hash, as `npm run auth:hash` prints it and WATT_PASSWORD_HASH holds it:
//
//   scrypt$N=16384,r=8,p=1$<salt, base64>$<32-byte key, base64>
//
// The cost parameters travel in the string, so raising them later does not break stored hashes. The
// value is parsed and length-checked when the environment is read (lib/env.ts): a malformed or truncated
// hash stops the server at start instead of being compared. (A truncated `scrypt$<salt>$j` used to
// decode to a 0-byte key, and two empty buffers compare equal — any password got in.)
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const DEFAULT_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes; above this a hash is refused rather than allowed to stall the server. */
const MAX_SCRYPT_MEMORY = 128 * 1024 * 1024;

export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export class PasswordHashError extends Error {}

export function hashPassword(password: string, cost: { N: number; r: number; p: number } = DEFAULT_COST): string {
  const salt = randomBytes(SALT_BYTES);
  const key = derive(password, { ...cost, salt });
  return `scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Canonical base64 only: Buffer.from() silently skips bad characters, which would hide a damaged value. */
function strictBase64(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new PasswordHashError(`the ${what} is not base64`);
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") !== text) throw new PasswordHashError(`the ${what} is not canonical base64 (truncated or altered?)`);
  return bytes;
}

function parseCost(text: string): { N: number; r: number; p: number } {
  const m = /^N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})$/.exec(text);
  if (!m) throw new PasswordHashError("the cost part must look like N=16384,r=8,p=1");
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 ** 14 || (N & (N - 1)) !== 0) throw new PasswordHashError("N must be a power of two ≥ 16384");
  if (r < 8 || r > 32) throw new PasswordHashError("r must be between 8 and 32");
  if (p < 1 || p > 16) throw new PasswordHashError("p must be between 1 and 16");
  if (128 * N * r > MAX_SCRYPT_MEMORY) throw new PasswordHashError(`N·r needs more than ${MAX_SCRYPT_MEMORY / 1024 / 1024} MiB`);
  return { N, r, p };
}

/**
 * Parses and checks a stored hash; throws PasswordHashError saying what is wrong. Also reads the first
 * format (`scrypt$<salt>$<key>`, fixed N=16384, r=8, p=1), with the same length checks.
 */
export function parsePasswordHash(stored: string): PasswordHash {
  const parts = stored.split("$");
  if (parts[0] !== "scrypt" || (parts.length !== 3 && parts.length !== 4)) throw new PasswordHashError("expected scrypt$N=…,r=…,p=…$<salt>$<key>");
  const cost = parts.length === 4 ? parseCost(parts[1]) : DEFAULT_COST;
  const [saltText, keyText] = parts.slice(-2);
  const salt = strictBase64(saltText, "salt");
  const key = strictBase64(keyText, "key");
  if (salt.length < SALT_BYTES || salt.length > 64) throw new PasswordHashError(`the salt is ${salt.length} bytes, expected ${SALT_BYTES}–64`);
  if (key.length !== KEY_BYTES) throw new PasswordHashError(`the key is ${key.length} bytes, expected ${KEY_BYTES}`);
  return { ...cost, salt, key };
}

function derive(password: string, h: { N: number; r: number; p: number; salt: Buffer }): Buffer {
  // Always the fixed key length, never the stored key's length (which an attacker-shaped value could set).
  return scryptSync(password, h.salt, KEY_BYTES, { N: h.N, r: h.r, p: h.p, maxmem: 2 * 128 * h.N * h.r });
}

/** true only for the right password and a well-formed hash; never throws. */
export function verifyPassword(password: string, stored: string | PasswordHash): boolean {
  let h: PasswordHash;
  try {
    h = typeof stored === "string" ? parsePasswordHash(stored) : stored;
  } catch {
    return false;
  }
  if (h.key.length !== KEY_BYTES) return false;
  return timingSafeEqual(derive(password, h), h.key);
}
