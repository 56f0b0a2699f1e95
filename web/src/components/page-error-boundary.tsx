import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import { Page } from './page.tsx';

type TBoundaryProps = { children: ReactNode };
type TBoundaryState = { hasFailed: boolean };

/**
 * Catches a page that fails to render or whose code fails to load (a dropped connection while a
 * page's script is fetched, or a script from before an upgrade), so that the user keeps the
 * navigation and gets a way out instead of a blank screen. Mounted inside the layout, which is
 * keyed by path: going to another page starts with a fresh boundary.
 */
export class PageErrorBoundary extends Component<TBoundaryProps, TBoundaryState> {
  override state: TBoundaryState = { hasFailed: false };

  static getDerivedStateFromError(): TBoundaryState {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the browser console; the page itself shows no technical detail.
    console.error('page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.hasFailed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.pageFailedTitle')}>
      <div className="alert alert--error" role="alert">
        <p className="alert__text">{t('app.pageFailed')}</p>
      </div>
      <Button onClick={() => window.location.reload()}>{t('app.reloadPage')}</Button>
    </Page>
  );
}
