/**
 * A mail's HTML shown as it was sent, in a sandboxed frame: no scripts, no forms, no navigation of this page,
 * and the dashboard's own policy still applies inside.
 */
export function MailFrame({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      title={title}
      sandbox=""
      srcDoc={html}
      style={{
        width: '100%',
        minHeight: 320,
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 4,
      }}
    />
  );
}
