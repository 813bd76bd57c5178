import { ComingSoon } from '../ui/coming-soon';

export function LeadsPage() {
  return (
    <ComingSoon
      title="Leads"
      description="The friends who were referred: their status, why they stand where they do, and the timeline of what Stripe told Vouch about them."
    />
  );
}
