/** Where and for how long bulk results are offered (apps/server env: PUBLIC_BASE_URL, DOWNLOAD_*). */
export interface DownloadConfig {
  /** The server's public origin: the URL a model hands its user. */
  baseUrl: string;
  /** Shared by every replica, so any of them serves a URL another one signed. */
  secret: string;
  /** How long a URL works. */
  ttlSeconds: number;
}

/** Expired rows stay this long, so a late click hears "expired" rather than "not found". */
export const EXPIRED_GRACE_MS = 24 * 3_600_000;
