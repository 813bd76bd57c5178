/*! Vouch browser snippet: remembers a referral, records sign-ups, tags Stripe checkouts. */
(() => {
  if (window.Vouch) return;
  const script =
    document.currentScript || document.querySelector('script[src*="/v1/vouch.js"][data-campaign]');
  const data = script ? script.dataset : {};
  const base = script ? script.src.replace(/\/v1\/vouch\.js(?:[?#].*)?$/, '') : '';
  const key = data.key || '';
  const campaign = data.campaign || '';
  const defaultDays = Number(data.cookieDays) > 0 ? Number(data.cookieDays) : 30;
  const SLUG = /^[a-z0-9]{4,40}$/;
  // A sign-up receipt (rcpt_) or, from earlier versions, a lead id.
  const LEAD = /^(?:rcpt|lead)_[0-9a-z]{26}$/;
  const STRIPE_ELEMENTS = 'stripe-pricing-table,stripe-buy-button';
  let days = defaultDays;

  function getCookie(name) {
    const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function setCookie(name, value, lifetimeDays) {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    const maxAge = Math.round(lifetimeDays * 86400);
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser yet.
    document.cookie = `${name}=${encodeURIComponent(value)}; Max-Age=${maxAge}; Path=/; SameSite=Lax${secure}`;
  }

  function forget() {
    setCookie('vouch_ref', '', 0);
    setCookie('vouch_lead', '', 0);
  }

  function referral() {
    const slug = getCookie('vouch_ref');
    if (!slug || !SLUG.test(slug)) return null;
    const lead = getCookie('vouch_lead');
    return { slug: slug, leadId: lead && LEAD.test(lead) ? lead : null };
  }

  function clientReferenceId() {
    const ref = referral();
    if (!ref) return null;
    return ref.leadId ? `vouch-${ref.slug}-${ref.leadId}` : `vouch-${ref.slug}`;
  }

  function decorateElement(el, ref) {
    if (el.localName === 'a') {
      const href = el.getAttribute('href') || '';
      if (href.indexOf('https://buy.stripe.com/') !== 0) return;
      const url = new URL(href);
      if (url.searchParams.get('client_reference_id') === ref) return;
      url.searchParams.set('client_reference_id', ref);
      el.setAttribute('href', url.toString());
    } else if (el.getAttribute('client-reference-id') !== ref) {
      el.setAttribute('client-reference-id', ref);
    }
  }

  function decorate(root) {
    const ref = clientReferenceId();
    if (!ref) return;
    const selector = `a[href^="https://buy.stripe.com/"],${STRIPE_ELEMENTS}`;
    if (root.nodeType === 1 && root.matches(selector)) decorateElement(root, ref);
    for (const el of root.querySelectorAll(selector)) decorateElement(el, ref);
  }

  function error(code, message, extra) {
    const err = new Error(message);
    err.vouch = Object.assign({ type: 'invalid_request_error', code: code, message: message }, extra);
    return err;
  }

  async function signup(details) {
    const input = details || {};
    const ref = referral();
    if (!key || !campaign)
      throw error('not_configured', 'The Vouch script tag needs data-key and data-campaign.');
    if (!ref) throw error('no_referral', 'This visitor did not arrive through a referral link.');
    const body = { email: input.email, referral_slug: ref.slug };
    if (input.firstName) body.first_name = input.firstName;
    if (input.lastName) body.last_name = input.lastName;
    if (input.metadata) body.metadata = input.metadata;
    let response;
    try {
      response = await fetch(`${base}/v1/campaigns/${encodeURIComponent(campaign)}/leads`, {
        method: 'POST',
        credentials: 'omit',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (_) {
      throw error(
        'network_error',
        `Could not reach Vouch at ${base}: offline, or this page's origin is not in the campaign's allowed_origins.`,
        { type: 'api_error' },
      );
    }
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const apiError = json.error || {
        type: 'api_error',
        code: 'http_error',
        message: `HTTP ${response.status}`,
      };
      const err = new Error(apiError.message);
      err.vouch = apiError;
      err.status = response.status;
      if (response.status === 404 && apiError.param === 'referral_slug') forget();
      throw err;
    }
    if (json.id && LEAD.test(json.id)) setCookie('vouch_lead', json.id, days);
    decorate(document);
    return json;
  }

  async function checkReferral(slug) {
    try {
      const response = await fetch(`${base}/v1/referrals/${slug}`, { credentials: 'omit' });
      if (getCookie('vouch_ref') !== slug) return;
      const link = response.ok ? await response.json() : null;
      if (response.status === 404 || (link && link.campaign_status === 'archived')) {
        forget();
      } else if (link) {
        if (link.cookie_days > 0) days = link.cookie_days;
        setCookie('vouch_ref', slug, days);
      }
    } catch (_) {
      // Unreachable, or this origin is not allowed: keep the referral as stored.
    }
  }

  const fromUrl = new URLSearchParams(location.search).get('vouch_ref');
  if (fromUrl && SLUG.test(fromUrl)) {
    if (getCookie('vouch_ref') !== fromUrl) setCookie('vouch_lead', '', 0);
    setCookie('vouch_ref', fromUrl, defaultDays);
    if (base) checkReferral(fromUrl).then(() => decorate(document));
  }

  window.Vouch = { referral: referral, signup: signup, clientReferenceId: clientReferenceId };

  decorate(document);
  document.addEventListener('DOMContentLoaded', () => decorate(document));
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') decorate(record.target);
      for (const node of record.addedNodes) if (node.nodeType === 1) decorate(node);
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
})();
