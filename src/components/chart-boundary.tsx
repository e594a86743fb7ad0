import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function ChartFailed({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <p className="status status-error chart-failed" role="alert">
      {t.chartFailed(error.message || error.name)}
    </p>
  );
}

/**
 * Keeps a chart failure (vis-timeline throwing while drawing or updating) to the chart's own box, so the event list
 * and details, which hold the same events, keep working.
 */
export class ChartBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    return this.state.error ? <ChartFailed error={this.state.error} /> : this.props.children;
  }
}
