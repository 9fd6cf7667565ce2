/**
 * The one confirmation dialog of the staff app: a decision that publishes, excludes, withdraws or
 * decides for the public is asked once, saying what will happen. A modal <dialog> (keyboard and
 * screen-reader usable: named by its heading, described by what will happen), the safe button
 * (Batal) focused first, Escape cancels, and the focus goes back to the button that asked.
 *
 *   const confirm = useConfirm();
 *   <button onClick={() => confirm.ask({ title, what, yes, onYes: send })}>…</button>
 *   {confirm.dialog}
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useApp } from './context.ts';

export interface ConfirmQuestion {
  /** The heading, a question: "Setujui dan terbitkan informasi X?" */
  title: string;
  /** What will happen, in words (the dialog's description). */
  what: ComponentChildren;
  /** More to say after what will happen (e.g. that it cannot be undone). */
  note?: string;
  /** The confirming button: "Ya, terbitkan". */
  yes: string;
  /** A decision that takes something away (withdraw, refuse, revoke): the confirming button in red. */
  danger?: boolean;
  onYes: () => void;
}

export function useConfirm(): { ask: (q: ConfirmQuestion) => void; dialog: VNode } {
  const { t } = useApp();
  const [question, setQuestion] = useState<ConfirmQuestion | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const confirmed = useRef(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!question || !d || d.open) return;
    d.showModal();
    cancelButton.current?.focus();
  }, [question]);

  const ask = (q: ConfirmQuestion) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    confirmed.current = false;
    setQuestion(q);
  };

  /** Closed by Batal, by Escape or by the confirming button: only the last one acts. */
  const onClose = () => {
    const q = question;
    setQuestion(null);
    if (confirmed.current && q) {
      confirmed.current = false;
      q.onYes();
      return;
    }
    const back = opener.current;
    if (back?.isConnected) setTimeout(() => back.focus(), 0);
  };

  const yes = () => {
    confirmed.current = true;
    dialog.current?.close();
  };

  const element = (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby={`${id}-h`} aria-describedby={`${id}-what`} onClose={onClose}>
      {question && (
        <>
          <h2 id={`${id}-h`}>{question.title}</h2>
          <p id={`${id}-what`}>{question.what}</p>
          {question.note && <p>{question.note}</p>}
          <div class="form-actions">
            <button type="button" class={question.danger ? 'primary danger' : 'primary'} onClick={yes}>
              {question.yes}
            </button>
            <button type="button" class="secondary" ref={cancelButton} onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
  return { ask, dialog: element };
}
