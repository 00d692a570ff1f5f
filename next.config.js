// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build directory lets two builds coexist on one checkout (e.g. a benchmark beside e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native module; Prisma's generated client stays on the server.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  // Request bodies of server actions are small JSON forms; refuse anything larger early.
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // Static files skip proxy.ts, so they get the plain headers here.
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    }];
  },
};

module.exports = nextConfig;
