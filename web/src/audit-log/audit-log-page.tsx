import { ComingSoon } from '../ui/coming-soon';

export function AuditLogPage() {
  return (
    <ComingSoon
      title="Audit log"
      description="Who changed what, and when: every change made by a teammate or an API key."
    />
  );
}
