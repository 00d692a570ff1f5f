// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build directory lets two builds coexist on one checkout (e.g. a benchmark beside e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native module; Prisma's generated client stays on the server.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

module.exports = nextConfig;
