import { ComingSoon } from '../ui/coming-soon';

export function SyncsPage() {
  return (
    <ComingSoon
      title="Syncs"
      description="Bringing existing Stripe customers into a campaign: dry runs, progress as it happens, and each customer skipped with its reason."
    />
  );
}
