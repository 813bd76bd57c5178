import { ComingSoon } from '../ui/coming-soon';

export function TeammatesPage() {
  return (
    <ComingSoon
      title="Teammates"
      description="The people who may sign in to this dashboard and their roles (owner, admin, editor, viewer)."
    />
  );
}
