/**
 * Reconciliation: the results of the runs (payments checked against the chain, and the balance
 * comparisons), newest first, filtered by outcome in the URL, each with what it found; and the disputed
 * payments, read-only, each linking to its page (resolving a dispute is another issue's).
 */
import { problemText } from '../api.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Pager, PageTitle, Table } from '../parts.js';
import { navigate } from '../router.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.reconciliation;
const PAGE_SIZE = 25;
const OUTCOMES = ['verified', 'credited', 'pending', 'disputed', 'error', 'balanced', 'differences'] as const;
/** the badge colour of each outcome: agreed, still waiting, or someone should look */
const OUTCOME_BADGE: Record<(typeof OUTCOMES)[number], string> = {
  verified: 'completed',
  credited: 'completed',
  balanced: 'completed',
  pending: 'pending',
  disputed: 'failed',
  error: 'failed',
  differences: 'failed',
};

function reconciliationPath(outcome: string | null, after: string | null): string {
  const query = new URLSearchParams();
  if (outcome) query.set('outcome', outcome);
  if (after) query.set('starting_after', after);
  const text = query.toString();
  return text === '' ? '/reconciliation' : `/reconciliation?${text}`;
}

export function ReconciliationPage(props: { query: URLSearchParams }) {
  const outcome = OUTCOMES.find((o) => o === props.query.get('outcome')) ?? null;
  const after = props.query.get('starting_after');
  const results = useLoad(async () => {
    const query = { limit: PAGE_SIZE, ...(outcome ? { outcome } : {}), ...(after ? { starting_after: after } : {}) };
    const { data, error, response } = await api.GET('/api/v1/payments/reconciliations', { params: { query } });
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data;
  }, [outcome, after]);
  const disputed = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/payments', { params: { query: { status: 'disputed', limit: 50 } } });
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data;
  }, []);

  function filter(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    navigate(reconciliationPath(String(form.get('outcome') ?? ''), null));
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <section aria-labelledby="disputed-title">
        <h2 id="disputed-title">{T.disputed}</h2>
        <p class="muted">{T.disputedIntro}</p>
        <LoadState loaded={disputed} />
        {disputed.data !== null &&
          (disputed.data.data.length === 0 ? (
            <p class="muted">{T.noDisputed}</p>
          ) : (
            <Table
              caption={T.disputedCaption}
              columns={[
                { label: T.col.payments },
                { label: T.col.amount, num: true },
                { label: T.col.received, num: true },
                { label: T.col.created },
              ]}
            >
              {disputed.data.data.map((p) => (
                <tr key={p.payment_id}>
                  <td>
                    <Link to={`/payments/${encodeURIComponent(p.payment_id)}`} class="mono">
                      {p.payment_id}
                    </Link>
                  </td>
                  <td class="num">{money(p.amount, p.currency)}</td>
                  <td class="num">{money(p.amount_received, p.currency)}</td>
                  <td>{dateTime(p.created_at)}</td>
                </tr>
              ))}
            </Table>
          ))}
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{T.results}</h2>
        <form class="filters" onSubmit={filter} key={outcome ?? ''} aria-label={T.results}>
          <div class="field">
            <label for="outcome">{T.outcome}</label>
            <select id="outcome" name="outcome" value={outcome ?? ''}>
              <option value="">{T.any}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {T.outcomes[o]}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="button button-primary">
              {T.apply}
            </button>
          </div>
        </form>
        <LoadState loaded={results} />
        {results.data !== null && (
          <>
            {results.data.data.length === 0 ? (
              <p class="muted">{T.noResults}</p>
            ) : (
              <Table
                caption={T.resultsCaption}
                columns={[{ label: T.col.when }, { label: T.col.kind }, { label: T.col.outcome }, { label: T.col.findings }]}
              >
                {results.data.data.map((r) => (
                  <tr key={r.reconciliation_id}>
                    <td>{dateTime(r.created_at)}</td>
                    <td>
                      {r.payment_id === null ? (
                        (T.kind[r.kind] ?? r.kind)
                      ) : (
                        <Link to={`/payments/${encodeURIComponent(r.payment_id)}`} class="mono">
                          {r.payment_id}
                        </Link>
                      )}
                    </td>
                    <td>
                      <span class={`badge badge-${OUTCOME_BADGE[r.outcome]}`}>{T.outcomes[r.outcome] ?? r.outcome}</span>
                    </td>
                    <td class="prose">
                      {r.discrepancies.length === 0 ? (
                        <span class="muted">{T.noFindings}</span>
                      ) : (
                        <ul class="plain">
                          {r.discrepancies.map((d, i) => (
                            <li key={`${d.code}-${i}`}>{d.message}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            )}
            <Pager
              label={T.results}
              first={after ? reconciliationPath(outcome, null) : null}
              next={
                results.data.has_more && results.data.next_cursor !== null ? reconciliationPath(outcome, results.data.next_cursor) : null
              }
            />
          </>
        )}
      </section>
    </>
  );
}
