import { Component, type ReactNode } from 'react';

interface Props {
  /** What is shown instead of the children once one of them has thrown. */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

/** Keeps a failure to the part of the page that failed (React offers error boundaries only as classes). */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
