import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { singleHtmlWith } from '../loading/single-html';
import { problemsOf } from '../model/draft-check';
import { incidentFileText } from '../model/formats/app-json';
import type { IncidentFile } from '../model/incident';
import { download } from './download';
import { FixFirst } from './fix-first';

interface Props {
  file: IncidentFile;
  onShowProblems: () => void;
}

/** The draft as files to send: every event of it, never the filtered view; a draft with problems says what to fix. */
export function DraftExports({ file, onShowProblems }: Props) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ text: string; fix: boolean }>();
  // Checked at the click, not on each keystroke's render.
  const blocked = () => {
    const problems = problemsOf(file).length;
    if (problems === 0) return false;
    setMessage({ text: t.fixFirst.exportBlocked(problems), fix: true });
    return true;
  };
  const saveFile = () => {
    if (blocked()) return;
    setMessage(undefined);
    download(`${file.id}.json`, 'application/json', incidentFileText(file));
  };
  const singleHtml = async () => {
    if (blocked()) return;
    setMessage(undefined);
    try {
      download(`${file.id}.html`, 'text/html', await singleHtmlWith(file));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      setMessage({ text: t.editor.singleFailed(why), fix: false });
    }
  };
  return (
    <>
      <button type="button" onClick={saveFile}>
        {t.editor.saveFile}
      </button>
      <button type="button" onClick={() => void singleHtml()}>
        {t.editor.singleHtml}
      </button>
      {message?.fix && (
        <FixFirst
          text={message.text}
          onShowProblems={onShowProblems}
          onDismiss={() => setMessage(undefined)}
        />
      )}
      {message && !message.fix && (
        <p className="status status-error fix-first" role="alert">
          {message.text}{' '}
          <button type="button" onClick={() => setMessage(undefined)}>
            {t.editor.dismiss}
          </button>
        </p>
      )}
    </>
  );
}
