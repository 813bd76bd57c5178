import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CampaignsService } from '../../services/campaigns.js';
import type { LeadsService } from '../../services/leads.js';
import type { ReferralLinks } from '../../services/referral-links.js';
import type { ReferrersService } from '../../services/referrers.js';

export type HostedPageDeps = {
  campaigns: CampaignsService;
  referrers: ReferrersService;
  leads: LeadsService;
  links: ReferralLinks;
  publicUrl: string;
};

/** The hosted join page and friend landing page. (Filled in with the pages themselves.) */
export const hostedPageRoutes =
  (_deps: HostedPageDeps): FastifyPluginAsyncZod =>
  async () => {};
