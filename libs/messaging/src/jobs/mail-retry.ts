/** How long to wait before the next attempt after `failures` temporary failures: doubling, capped. */
export function retryDelayMs(failures: number, retry: { firstDelayMs: number; maxDelayMs: number }): number {
  return Math.min(retry.firstDelayMs * 2 ** Math.max(0, failures - 1), retry.maxDelayMs);
}

/** The SMTP reply code of a failed send, when the server answered at all. */
export function replyCodeOf(error: unknown): number | null {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? code : null;
}

/** Nodemailer's error code (ECONNECTION, ETIMEDOUT, ...), for the log. */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}

/** True for SMTP answers that will not change on retry (5xx); 4xx, timeouts and lost connections may. */
export function isPermanent(error: unknown): boolean {
  const code = replyCodeOf(error);
  return code !== null && code >= 500 && code < 600;
}
