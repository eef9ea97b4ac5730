/**
 * Reconciliation: the results of the runs (payments checked against the chain, and the balance
 * comparisons), newest first, filtered by outcome in the URL, each with what it found; and the disputed
 * payments, read-only, each linking to its page (resolving a dispute is another issue's).
 */
import { problemText } from '../api.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, PageTitle } from '../parts.js';
import { navigate } from '../router.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.reconciliation;
const PAGE_SIZE = 25;
const OUTCOMES = ['verified', 'credited', 'pending', 'disputed', 'error', 'balanced', 'differences'] as const;

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
            <div class="table-wrap">
              <table>
                <caption>{T.disputedCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{T.col.payments}</th>
                    <th scope="col" class="num">
                      {T.col.amount}
                    </th>
                    <th scope="col" class="num">
                      {T.col.received}
                    </th>
                    <th scope="col">{T.col.created}</th>
                  </tr>
                </thead>
                <tbody>
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
                </tbody>
              </table>
            </div>
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
              <div class="table-wrap">
                <table>
                  <caption>{T.resultsCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{T.col.when}</th>
                      <th scope="col">{T.col.kind}</th>
                      <th scope="col">{T.col.outcome}</th>
                      <th scope="col">{T.col.findings}</th>
                    </tr>
                  </thead>
                  <tbody>
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
                          <span
                            class={`badge badge-${r.outcome === 'verified' || r.outcome === 'balanced' || r.outcome === 'credited' ? 'completed' : r.outcome === 'pending' ? 'pending' : 'failed'}`}
                          >
                            {T.outcomes[r.outcome] ?? r.outcome}
                          </span>
                        </td>
                        <td>
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
                  </tbody>
                </table>
              </div>
            )}
            <nav class="pager" aria-label={T.results}>
              {after && <Link to={reconciliationPath(outcome, null)}>{T.first}</Link>}
              {results.data.has_more && results.data.next_cursor !== null && (
                <Link to={reconciliationPath(outcome, results.data.next_cursor)}>{T.next}</Link>
              )}
            </nav>
          </>
        )}
      </section>
    </>
  );
}
