import type { CampaignStatus } from './campaign.js';

/** Why a campaign refuses an action, or undefined when it allows it. */
export type CampaignRefusal = { code: string; message: string };

/** Referrers may join draft (set-up), live and paused campaigns; an archived campaign takes no one. */
export function refuseJoin(status: CampaignStatus): CampaignRefusal | undefined {
  if (status === 'archived')
    return { code: 'campaign_archived', message: 'This campaign is archived and takes no new referrers.' };
  return undefined;
}

/** Only a live campaign attributes friends: paused ones still redirect but record nothing. */
export function refuseAttribution(status: CampaignStatus): CampaignRefusal | undefined {
  switch (status) {
    case 'live':
      return undefined;
    case 'paused':
      return {
        code: 'campaign_paused',
        message: 'This campaign is paused: referrals are not being recorded.',
      };
    case 'draft':
      return {
        code: 'campaign_draft',
        message: 'This campaign is a draft: set its status to live to record referrals.',
      };
    case 'archived':
      return { code: 'campaign_archived', message: 'This campaign is archived and records no referrals.' };
  }
}

/** Status changes an update may make; archiving has its own action, and is final. */
export function refuseStatusChange(from: CampaignStatus, to: CampaignStatus): CampaignRefusal | undefined {
  if (from === to) return undefined;
  if (from === 'archived')
    return { code: 'campaign_archived', message: 'An archived campaign cannot be changed.' };
  if (to === 'archived') {
    return { code: 'use_archive', message: 'Archive a campaign with POST /v1/campaigns/{id}/archive.' };
  }
  if (to === 'draft')
    return { code: 'invalid_status_change', message: `A ${from} campaign cannot go back to draft.` };
  return undefined;
}
