const short = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const exact = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'full',
  timeStyle: 'long',
});

/** An ISO timestamp in the viewer's time zone; the exact time, with seconds and zone, on hover. */
export function DateTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <span>{empty}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={value} title={`${exact.format(date)} (${value})`}>
      {short.format(date)}
    </time>
  );
}
