import { ComingSoon } from '../ui/coming-soon';

export function OverviewPage() {
  return (
    <ComingSoon
      title="Overview"
      description="How your referral programs are doing: referrals, qualified friends, rewards given and what they brought in, per campaign and over time."
    />
  );
}
