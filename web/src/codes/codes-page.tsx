import { ComingSoon } from '../ui/coming-soon';

export function CodesPage() {
  return (
    <ComingSoon
      title="Codes"
      description="Referral codes and their Stripe promotion codes: generation progress, redemptions and how each code performs."
    />
  );
}
