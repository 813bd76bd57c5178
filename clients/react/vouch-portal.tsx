/*
 * Vouch referrer portal widget for React: the portal in an iframe that grows to fit its content, as the
 * /v1/widget.js loader does. Copy this file into your app (it needs React 18 or later, nothing else).
 *
 *   <VouchPortal url={portalSession.url} />
 *
 * `url` is the `url` of POST /v1/referrers/{id}/portal_sessions (or /v1/campaigns/{id}/portal_sessions),
 * minted by your server for the signed-in customer each time the page is made: a link opens once. Your
 * app's origin must be one of the campaign's allowed_origins, or the browser refuses to show the frame.
 */
import { type CSSProperties, useEffect, useRef, useState } from 'react';

export type VouchPortalProps = {
  /** The minted portal session URL. */
  url: string;
  /** The frame's accessible name; "Your referrals" unless given. */
  title?: string;
  /** The height before the portal says its own, in pixels; 480 unless given. */
  initialHeight?: number;
  className?: string;
  style?: CSSProperties;
};

/** What the portal page posts to the page that frames it, and nothing else. */
type HeightMessage = { type: 'vouch:portal-height'; height: number };

const isHeightMessage = (data: unknown): data is HeightMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as HeightMessage).type === 'vouch:portal-height' &&
  Number.isFinite((data as HeightMessage).height);

export function VouchPortal({
  url,
  title = 'Your referrals',
  initialHeight = 480,
  className,
  style,
}: VouchPortalProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(initialHeight);
  const origin = new URL(url, window.location.href).origin;

  useEffect(() => {
    // Only this frame's messages, from Vouch's origin, and only a height.
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.origin !== origin) return;
      if (isHeightMessage(event.data)) setHeight(Math.max(0, Math.ceil(event.data.height)));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [origin]);

  return (
    <iframe
      ref={frame}
      src={url}
      title={title}
      className={className}
      loading="lazy"
      referrerPolicy="no-referrer"
      style={{ width: '100%', border: 0, ...style, height: `${height}px` }}
    />
  );
}
