import { escapeHtml } from './layout.js';

/**
 * Progressive enhancement for the result page: shows the Copy buttons when the clipboard is available and the
 * Share button when the Web Share API is. Without JavaScript the buttons stay hidden and the text stays
 * selectable. Constant, so the Content-Security-Policy allows it by hash.
 */
export const SHARE_SCRIPT = `
(() => {
  const status = document.getElementById('copy-status');
  const say = (text) => { if (status) status.textContent = text; };
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll('button[data-copy]')) {
      const target = document.getElementById(button.dataset.copy);
      if (!target) continue;
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.clipboard.writeText(target.textContent.trim()).then(
          () => say(button.dataset.done),
          () => say('Copying did not work; select the text and copy it yourself.'),
        );
      });
    }
  }
  const share = document.getElementById('share-button');
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener('click', () => {
      const { title, text, url } = share.dataset;
      navigator.share({ title, text, url }).catch(() => {});
    });
  }
})();
`;

export type ShareDetails = { campaignName: string; link: string; code: string | null };

function copyBlock(id: string, heading: string, value: string, what: string): string {
  return `<h2 id="${id}-heading">${heading}</h2>
<output id="${id}" aria-labelledby="${id}-heading">${escapeHtml(value)}</output>
<button type="button" data-copy="${id}" data-done="${escapeHtml(`${what} copied.`)}" hidden>Copy ${what.toLowerCase()}</button>`;
}

/** The referral link and code to copy, and ways to share the link: plain links, no third-party scripts. */
export function shareBlock({ campaignName, link, code }: ShareDetails): string {
  const message = `Join me in ${campaignName}: ${link}`;
  const mail = `mailto:?subject=${encodeURIComponent(`Join me in ${campaignName}`)}&body=${encodeURIComponent(message)}`;
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(message)}`;
  const x = `https://x.com/intent/post?text=${encodeURIComponent(`Join me in ${campaignName}`)}&url=${encodeURIComponent(link)}`;
  const linkedin = `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`;
  return `${copyBlock('referral-link', 'Your referral link', link, 'Link')}
${code ? copyBlock('referral-code', 'Your referral code', code, 'Code') : ''}
<p role="status" id="copy-status"></p>
<h2>Share your link</h2>
<div class="share">
<button type="button" id="share-button" data-title="${escapeHtml(campaignName)}" data-text="${escapeHtml(`Join me in ${campaignName}`)}" data-url="${escapeHtml(link)}" hidden>Share…</button>
<a class="button" href="${escapeHtml(mail)}">Share by email</a>
<a class="button" href="${escapeHtml(whatsapp)}" rel="noopener noreferrer">Share on WhatsApp</a>
<a class="button" href="${escapeHtml(x)}" rel="noopener noreferrer">Share on X</a>
<a class="button" href="${escapeHtml(linkedin)}" rel="noopener noreferrer">Share on LinkedIn</a>
</div>`;
}
