/**
 * Errors that say the database could not answer in time or at all (a statement cancelled by the statement
 * timeout, no free connection in time, the server going away), as opposed to a query that was wrong. The
 * HTTP layer answers them with a 503 that asks the caller to retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // query_canceled (the statement timeout), admin_shutdown, crash_shutdown, cannot_connect_now,
    // too_many_connections, and the socket errors of a server that went away.
    if (['57014', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code))
      return true;
  }
  return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}
