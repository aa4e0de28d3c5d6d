import createMDX from "@next/mdx";

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ["ts", "tsx", "md", "mdx"],
  // The simulator and database drivers run only on the server; keep them out of client bundles.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pyodide"],
  poweredByHeader: false,
  // forbidden() in lib/auth/page.ts: a student on an instructor page gets a real 403 page.
  experimental: { authInterrupts: true },
};

const withMDX = createMDX({});
export default withMDX(nextConfig);
