/**
 * Payments: search (a payment id opens it; other text matches the reference), filters by status, asset
 * and creation time, newest first, cursor paging. The filters live in the URL, so a filtered view can
 * be reloaded, bookmarked and shared.
 */
import { useState } from 'preact/hooks';
import { dataOf, type paths } from '../api.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { FilterActions, Link, LoadState, Pager, PageTitle, StatusBadge } from '../parts.js';
import { navigate, pathWithQuery } from '../router.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';
import { ExportPayments } from './payments-export.js';

const T = MESSAGES.payments;
type ListQuery = NonNullable<paths['/api/v1/payments']['get']['parameters']['query']>;
const STATUSES = ['pending', 'processing', 'confirmed', 'completed', 'failed', 'cancelled', 'refunded', 'disputed'] as const;
const METHODS = ['payment_gateway', 'direct_transfer', 'route', 'swap'] as const;
const FILTERS = ['status', 'currency', 'payment_method', 'created_from', 'created_to'] as const;
/** what the search box can hold, and the filter each one becomes */
const SEARCHED = ['reference_id', 'address', 'transaction_id'] as const;
const TRON_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const TRANSACTION_ID = /^(0x)?[0-9a-fA-F]{64}$/;

/** A payment id opens the payment; an address or a transaction id filters on it; anything else is a reference. */
function searchFilter(text: string): { field: (typeof SEARCHED)[number]; value: string } | { open: string } | null {
  if (text === '') return null;
  if (/^pay_[0-9a-z]+$/i.test(text)) return { open: text };
  if (TRON_ADDRESS.test(text)) return { field: 'address', value: text };
  if (TRANSACTION_ID.test(text)) return { field: 'transaction_id', value: text.replace(/^0x/, '').toLowerCase() };
  return { field: 'reference_id', value: text };
}
const PAGE_SIZE = 25;

function listQuery(query: URLSearchParams): ListQuery {
  const out: ListQuery = { limit: PAGE_SIZE };
  const status = query.get('status');
  if (status && (STATUSES as readonly string[]).includes(status)) out.status = status as ListQuery['status'];
  const method = query.get('payment_method');
  if (method && (METHODS as readonly string[]).includes(method)) out.payment_method = method as ListQuery['payment_method'];
  for (const name of [...SEARCHED, 'currency', 'batch_id', 'starting_after'] as const) {
    const value = query.get(name);
    if (value) out[name] = value;
  }
  // date inputs give a day; the API takes instants: the whole day in UTC
  const from = query.get('created_from');
  if (from) out.created_from = `${from}T00:00:00Z`;
  const to = query.get('created_to');
  if (to) out.created_to = `${to}T23:59:59.999Z`;
  return out;
}

/** the page's filters without its paging: what an export goes through */
function exportFilters(query: URLSearchParams) {
  const { limit: _limit, starting_after: _after, ...filters } = listQuery(query);
  return filters;
}

function pathWith(query: URLSearchParams, changes: Record<string, string | null>): string {
  return pathWithQuery('/payments', query, changes);
}

export function PaymentsPage(props: { query: URLSearchParams }) {
  const key = props.query.toString();
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/payments', { params: { query: listQuery(props.query) } })), [key]);
  const [search, setSearch] = useState(SEARCHED.map((name) => props.query.get(name)).find((v) => v) ?? '');

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const found = searchFilter(search.trim());
    if (found !== null && 'open' in found) {
      navigate(`/payments/${encodeURIComponent(found.open)}`);
      return;
    }
    const changes: Record<string, string | null> = { starting_after: null };
    for (const name of SEARCHED) changes[name] = found?.field === name ? found.value : null;
    for (const name of FILTERS) changes[name] = String(form.get(name) ?? '');
    navigate(pathWith(props.query, changes));
  }

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <form class="filters" onSubmit={submit} key={key} aria-label={T.filters}>
        <div class="field field-wide">
          <label for="search">{T.search}</label>
          <input
            id="search"
            name="search"
            type="search"
            value={search}
            aria-describedby="search-hint"
            onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
          />
          <p id="search-hint" class="hint">
            {T.searchHint}
          </p>
        </div>
        <div class="field">
          <label for="status">{T.status}</label>
          <select id="status" name="status" value={props.query.get('status') ?? ''}>
            <option value="">{T.any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {MESSAGES.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="currency">{T.currency}</label>
          <input id="currency" name="currency" defaultValue={props.query.get('currency') ?? ''} size={8} />
        </div>
        <input type="hidden" name="payment_method" value={props.query.get('payment_method') ?? ''} />
        <div class="field">
          <label for="created_from">{T.createdFrom}</label>
          <input id="created_from" name="created_from" type="date" defaultValue={props.query.get('created_from') ?? ''} />
        </div>
        <div class="field">
          <label for="created_to">{T.createdTo}</label>
          <input id="created_to" name="created_to" type="date" defaultValue={props.query.get('created_to') ?? ''} />
        </div>
        <FilterActions resetTo="/payments" />
      </form>

      <ExportPayments key={key} filters={exportFilters(props.query)} />
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <>
          {loaded.data.data.length === 0 ? (
            <p class="muted">{T.empty}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>{T.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{T.col.id}</th>
                    <th scope="col">{T.col.status}</th>
                    <th scope="col" class="num">
                      {T.col.amount}
                    </th>
                    <th scope="col">{T.col.reference}</th>
                    <th scope="col">{T.col.created}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.data.map((p) => (
                    <tr key={p.payment_id}>
                      <td>
                        <Link to={`/payments/${encodeURIComponent(p.payment_id)}`} class="mono">
                          {p.payment_id}
                        </Link>
                      </td>
                      <td>
                        <StatusBadge status={p.status} />
                      </td>
                      <td class="num">{money(p.amount, p.currency)}</td>
                      <td>{p.reference_id ?? '—'}</td>
                      <td>{dateTime(p.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            label={T.title}
            first={props.query.get('starting_after') ? pathWith(props.query, { starting_after: null }) : null}
            next={
              loaded.data.has_more && loaded.data.next_cursor !== null
                ? pathWith(props.query, { starting_after: loaded.data.next_cursor })
                : null
            }
          />
        </>
      )}
    </>
  );
}
