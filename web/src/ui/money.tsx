/** The number of minor units in one major unit of `currency` (100 for usd, 1 for jpy, 1000 for kwd). */
export function minorUnits(currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** An amount in minor units, in its own currency, in the viewer's locale: 4200 usd is $42.00. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(
      amount / minorUnits(code),
    );
  } catch {
    // A currency code the browser does not know: show the raw minor units rather than nothing.
    return `${amount} ${code} (minor units)`;
  }
}

export function Money({ amount, currency }: { amount: number; currency: string }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(amount, currency)}</span>;
}
