import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorBoundary } from './error-boundary';

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
export function ChartBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary fallback={(error) => <ChartFailed error={error} />}>{children}</ErrorBoundary>
  );
}
