import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { useJusticeStatus, type TJusticeStatus } from './status.ts';

/** Clears the confirmation of every mounted slot: one confirmation on the page at a time. */
const clearers = new Set<() => void>();

/**
 * A confirmation slot (message in the current language, and its setter) that gives way to the
 * next confirmation anywhere on the page, so old "saved" messages do not pile up on a long page.
 */
export function useConfirmation(): [string, (status: TJusticeStatus | null) => void] {
  const [message, setMessage] = useJusticeStatus();
  useEffect(() => {
    const clear = () => setMessage(null);
    clearers.add(clear);
    return () => {
      clearers.delete(clear);
    };
    // Registered once; the state setter behind setMessage is stable.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return [
    message,
    (status) => {
      if (status) for (const clear of clearers) clear();
      setMessage(status);
    },
  ];
}

type TToggleFormProps = {
  /** Text of the button that opens the form (and the form's accessible name). */
  label: string;
  /** Accessible name of the button when the visible label needs context (e.g. "Add a charge against Ivan P."). */
  ariaLabel?: string;
  /** Renders the open form; it calls `done` after a success and `cancel` to close without saving. */
  children: (controls: { done: (status: TJusticeStatus) => void; cancel: () => void }) => ReactNode;
};

/**
 * A button that shows one small form beneath it (aria-expanded). Closing the form, after saving or
 * cancelling, puts focus back on the button so keyboard users keep their place, and the
 * confirmation appears right there (a polite live region): on a long investigation file the
 * person sees it where they are working, not at the top of the page.
 */
export function ToggleForm({ label, ariaLabel, children }: TToggleFormProps) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useConfirmation();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const regionId = useId();

  function close() {
    setOpen(false);
    window.requestAnimationFrame(() => buttonRef.current?.focus());
  }

  function handleToggle() {
    setMessage(null);
    setOpen(!open);
  }

  return (
    <div className="justice-toggle">
      <Button ref={buttonRef} variant={open ? 'primary' : 'secondary'} aria-expanded={open} aria-controls={open ? regionId : undefined} aria-label={ariaLabel} onClick={handleToggle}>
        {label}
      </Button>
      <StatusMessage>{message}</StatusMessage>
      {open && (
        <div id={regionId}>
          {children({
            done: (status) => {
              close();
              setMessage(status);
            },
            cancel: close,
          })}
        </div>
      )}
    </div>
  );
}
