// Build-time settings read through import.meta.env (set them in the environment or a .env file when building).
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

interface ImportMetaEnv {
  /** Comma-separated origins, besides the page's own, that `?src=` may load incidents from; also widens CSP connect-src. */
  readonly VITE_ALLOWED_SOURCES?: string;
  /** Largest incident file, in bytes, the app will read; 200 MiB when unset. */
  readonly VITE_MAX_INCIDENT_BYTES?: string;
  /** Set only by `npm run bench`: installs the benchmark's page hooks. */
  readonly VITE_BENCH_HOOKS?: string;
}
