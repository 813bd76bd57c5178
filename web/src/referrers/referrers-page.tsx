import { ComingSoon } from '../ui/coming-soon';

export function ReferrersPage() {
  return (
    <ComingSoon
      title="Referrers"
      description="The people who refer: their links and codes, how many friends they brought, clicks, and CSV imports."
    />
  );
}
