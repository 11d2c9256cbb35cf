/**
 * Catches a crash anywhere below it and shows what happened with a way back, never a blank page.
 * Wrap the whole app, and each panel, so one broken panel leaves the map usable.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Shown in the message, e.g. "The details panel". */
  label?: string;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('Corridor Watch recovered from an error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h2>{this.props.label ?? 'Corridor Watch'} hit an error</h2>
        <p>{error.message || String(error)}</p>
        <div className="crash-actions">
          {this.props.label && (
            <button type="button" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          )}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
