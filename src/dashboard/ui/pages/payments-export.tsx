/**
 * "Export CSV" under the payments filters: every page of the filtered list is fetched with progress
 * ("n of N (p %)", announced politely) and then saved as a file.
 */
import { useState } from 'preact/hooks';
import { downloadText } from '../download.js';
import { MESSAGES } from '../messages.js';
import { Outcome, type OutcomeText } from '../parts.js';
import { type ExportProgress, exportPaymentsCsv, type ListQuery } from '../payments-export.js';
import { api } from '../session.js';

const T = MESSAGES.payments;

export function ExportPayments(props: { filters: Omit<ListQuery, 'limit' | 'starting_after' | 'include_total'> }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);

  async function run() {
    setRunning(true);
    setOutcome(null);
    setProgress(null);
    try {
      const { csv, count } = await exportPaymentsCsv(api, props.filters, setProgress);
      downloadText(csv, `payments-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
      setOutcome({ ok: true, text: T.exported(count) });
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(false);
    }
  }

  const percent = progress === null ? 0 : progress.total === 0 ? 100 : Math.floor((progress.done * 100) / progress.total);
  return (
    <div class="export">
      <button type="button" class="button" disabled={running} aria-describedby="export-hint" onClick={run}>
        {T.export}
      </button>
      <span id="export-hint" class="hint">
        {T.exportHint}
      </span>
      {progress !== null && <progress max={100} value={percent} aria-label={T.exportProgressLabel} />}
      <span role="status" class="export-progress">
        {progress === null ? '' : T.exportProgress(progress.done, progress.total, percent)}
      </span>
      {!running && <Outcome outcome={outcome} />}
    </div>
  );
}
