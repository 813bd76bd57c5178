import { Component, type ReactNode } from 'react';
import { ErrorView } from '../ui/error-view';

type State = { error: unknown };

/**
 * A page that throws while rendering (or a page's code that failed to load after an upgrade) shows the error
 * with a retry, never a blank screen. Retry reloads the page, which also fetches a newer dashboard.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <ErrorView error={this.state.error} onRetry={() => window.location.reload()} />;
    }
    return this.props.children;
  }
}
