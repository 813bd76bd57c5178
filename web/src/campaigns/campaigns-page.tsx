import { ComingSoon } from '../ui/coming-soon';

export function CampaignsPage() {
  return (
    <ComingSoon
      title="Campaigns"
      description="Your referral programs: their destination, who qualifies and how, the rewards, the codes, and their Stripe account. Until then, campaigns are managed through the API (/v1/campaigns)."
    />
  );
}
