import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (`role="dialog"`, `aria-modal`) over a backdrop: titled by its heading,
 * focused when it opens, closed with Escape (`onClose`), focus given back when it closes.
 */
export function ModalDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className="modal panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
