import { ComingSoon } from '../ui/coming-soon';

export function RewardsPage() {
  return (
    <ComingSoon
      title="Rewards"
      description="What qualified referrals gave through Stripe: credits, coupons and promotion codes, waiting for approval, issued, failed or taken back."
    />
  );
}
