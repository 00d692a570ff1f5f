// @ts-check
// Read again by `next start`, so these follow the environment the server starts with (lib/env.ts
// validates the same variable; an entry only counts with a password).
const allowedHosts = process.env.WATT_PASSWORD_HASH
  ? (process.env.WATT_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean)
  : [];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build directory lets two builds coexist on one checkout (e.g. a benchmark beside e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native module and pg has an optional native binding: both adapters load from
  // node_modules; Prisma's generated client stays on the server; exceljs (the XLSX export) is loaded
  // from node_modules as the tests load it rather than bundled.
  // TanStack's store imports the React 16/17 shim of useSyncExternalStore; React 19 has the hook, and the
  // package's non-shim entry uses it. Same behaviour, about 0.7 KB less gzipped JavaScript on every page.
  turbopack: {
    resolveAlias: { "use-sync-external-store/shim/with-selector": "use-sync-external-store/with-selector" },
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "exceljs"],
  experimental: {
    serverActions: {
      // Request bodies of server actions are small JSON forms; refuse anything larger early (the front
      // door and proxy.ts answer 413 before Next's own limit, which throws a 500).
      bodySizeLimit: "256kb",
      // Next compares an action's Origin with the Host it sees; behind a proxy that rewrites Host, the
      // public names (WATT_ALLOWED_HOSTS, password mode only) must be listed here explicitly.
      allowedOrigins: allowedHosts,
    },
    // proxy.ts reads server-action bodies to check them; it never needs more than the 256 KB above.
    proxyClientMaxBodySize: "1mb",
  },
  // Static files skip proxy.ts, so they get the plain headers here.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
