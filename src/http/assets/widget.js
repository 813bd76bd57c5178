/*
 * Vouch referrer portal widget. Shows a referrer's portal in an iframe that grows to fit its content.
 *
 *   <div id="referrals"></div>
 *   <script src="https://vouch.example/v1/widget.js" data-url="PORTAL_SESSION_URL" data-target="referrals" async></script>
 *
 * PORTAL_SESSION_URL is the `url` of POST /v1/referrers/{id}/portal_sessions, minted by your server for the
 * signed-in customer each time the page is made (it opens once). Or, from your own code:
 *   window.VouchPortal.mount(element, url)  ->  { iframe, unmount() }
 * Your page's origin must be one of the campaign's allowed_origins, or the browser refuses to show the frame.
 */
(() => {
  const script = document.currentScript;
  const vouchOrigin = script ? new URL(script.src, location.href).origin : undefined;

  function mount(element, url) {
    if (!element) throw new Error('VouchPortal.mount: no element to show the portal in');
    const target = new URL(url, location.href);
    if (vouchOrigin && target.origin !== vouchOrigin)
      throw new Error(`VouchPortal.mount: the portal URL must be on ${vouchOrigin}`);
    const iframe = document.createElement('iframe');
    iframe.src = target.href;
    iframe.title = 'Your referrals';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = '480px';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    const onMessage = (event) => {
      if (event.source !== iframe.contentWindow || event.origin !== target.origin) return;
      const data = event.data;
      if (data && data.type === 'vouch:portal-height' && Number.isFinite(data.height))
        iframe.style.height = `${Math.max(0, Math.ceil(data.height))}px`;
    };
    window.addEventListener('message', onMessage);
    element.replaceChildren(iframe);
    return {
      iframe,
      unmount() {
        window.removeEventListener('message', onMessage);
        iframe.remove();
      },
    };
  }

  window.VouchPortal = { mount };
  if (script?.dataset.url && script.dataset.target) {
    const show = () => mount(document.getElementById(script.dataset.target), script.dataset.url);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
})();
