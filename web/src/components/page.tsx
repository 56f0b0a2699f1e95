import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNavigated } from '../router.tsx';

/** Sets `document.title` to "<page> · <app>" while the page is shown (and when the language changes). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}

type TPageProps = {
  /** The page's h1 and the first part of the document title. */
  title: string;
  /** Document title when it should differ from the heading (e.g. "Home" for a greeting). */
  documentTitle?: string;
  /** Optional lead paragraph under the heading. */
  intro?: ReactNode;
  children?: ReactNode;
};

/**
 * Frame of every page: the document title, the single h1, and focus on that heading after an
 * in-app navigation, so screen-reader and keyboard users start at the top of the new page.
 */
export function Page({ title, documentTitle, intro, children }: TPageProps) {
  usePageTitle(documentTitle ?? title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) headingRef.current?.focus();
  }, []);
  return (
    <>
      <h1 className="page-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </>
  );
}

/** A titled block inside a page (h2), e.g. "Add a member". */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 className="section__title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
