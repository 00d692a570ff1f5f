// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native module; Prisma's generated client stays on the server.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

module.exports = nextConfig;
