/** Emails compare trimmed and case-insensitively: `  Jane@Example.COM ` is `jane@example.com`. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Collapses white space in a name; an empty result is no name at all. */
export function cleanName(name: string | null | undefined): string | null {
  const cleaned = (name ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? null : cleaned;
}
