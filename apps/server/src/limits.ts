/** What the server allows callers who cost a lot; every field has a default. */
export interface ServiceLimits {
  /** Reports (DOCX, PDF, XLSX) one address may make per minute without signing in (default 10). */
  anonymousReportsPerMinute: number;
  /** LibreOffice PDF conversions running or waiting at once; more get 503 (default 4). */
  pdfQueue: number;
}

export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  anonymousReportsPerMinute: 10,
  pdfQueue: 4,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The limits in force (`AppOptions.limits` over the defaults). */
    limits: ServiceLimits;
  }
}
