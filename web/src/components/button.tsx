import type { ButtonHTMLAttributes, Ref } from 'react';

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** primary: the main action of a form; secondary: other actions; danger: destructive ones. */
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  /** While true the button shows `busyLabel`, is marked aria-busy and ignores clicks. */
  busy?: boolean;
  /** Text shown while busy, e.g. "Saving…". */
  busyLabel?: string;
  ref?: Ref<HTMLButtonElement>;
};

/** A real <button> (type="button" unless told otherwise, so it never submits a form by surprise). */
export function Button({ variant = 'primary', busy = false, busyLabel, type = 'button', className, children, disabled, onClick, ...rest }: TButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      // Stays focusable while busy (aria-disabled instead of disabled) so focus is not lost mid-action.
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      disabled={disabled}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
