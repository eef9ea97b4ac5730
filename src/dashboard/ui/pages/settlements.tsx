/**
 * Settlements: the list (newest first, cursor paging in the URL) with what each cost on chain, and a
 * settlement's page with its sweeps — each deposit address swept into the hot wallet, the TRX sent to
 * fuel it, its network fee and the receipts' energy, bandwidth and TRX burned.
 */
import type { paths } from '../api.js';
import { problemText } from '../api.js';
import type { DashboardConfig } from '../app.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Link, LoadState, Pager, PageTitle, StatusBadge, Table, TransactionLink } from '../parts.js';
import { api } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.settlements;
const S = MESSAGES.settlement;
const PAGE_SIZE = 25;
type NetworkCost =
  paths['/api/v1/payments/settlements/{settlement_id}']['get']['responses']['200']['content']['application/json']['network_cost'];

export function SettlementsPage(props: { query: URLSearchParams }) {
  const after = props.query.get('starting_after') ?? undefined;
  const loaded = useLoad(async () => {
    const query = { limit: PAGE_SIZE, ...(after ? { starting_after: after } : {}) };
    const { data, error, response } = await api.GET('/api/v1/payments/settlements', { params: { query } });
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data;
  }, [after]);
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <LoadState loaded={loaded} />
      {loaded.data !== null && (
        <>
          {loaded.data.data.length === 0 ? (
            <p class="muted">{T.empty}</p>
          ) : (
            <Table
              caption={T.caption}
              columns={[
                { label: T.col.id },
                { label: T.col.status },
                { label: T.col.amount, num: true },
                { label: T.col.sweeps, num: true },
                { label: T.col.sweepCost, num: true },
                { label: T.col.totalCost, num: true },
                { label: T.col.created },
              ]}
            >
              {loaded.data.data.map((s) => (
                <tr key={s.settlement_id}>
                  <td>
                    <Link to={`/settlements/${encodeURIComponent(s.settlement_id)}`} class="mono">
                      {s.settlement_id}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td class="num">{money(s.amount, s.currency)}</td>
                  <td class="num">{s.sweeps_summary.count}</td>
                  <td class="num">{s.sweep_cost}</td>
                  <td class="num">{s.total_network_cost}</td>
                  <td>{dateTime(s.created_at)}</td>
                </tr>
              ))}
            </Table>
          )}
          <Pager
            label={T.title}
            first={after ? '/settlements' : null}
            next={
              loaded.data.has_more && loaded.data.next_cursor !== null
                ? `/settlements?starting_after=${encodeURIComponent(loaded.data.next_cursor)}`
                : null
            }
          />
        </>
      )}
    </>
  );
}

/** The receipts' costs as a definition list's rows (or a note while no send is in a block). */
function CostRows(props: { cost: NetworkCost }) {
  const c = props.cost;
  if (c === null) {
    return (
      <>
        <dt>{S.trxBurned}</dt>
        <dd>{S.notInBlock}</dd>
      </>
    );
  }
  return (
    <>
      <dt>{S.trxBurned}</dt>
      <dd>{S.trx(c.trx_burned)}</dd>
      <dt>{S.energy}</dt>
      <dd>{S.energyValue(c.energy_used, c.energy_delegated, c.energy_burned_trx)}</dd>
      <dt>{S.bandwidth}</dt>
      <dd>{S.bandwidthValue(c.bandwidth_used, c.bandwidth_burned_trx)}</dd>
      <dt>{S.activation}</dt>
      <dd>{S.trx(c.activation_trx)}</dd>
    </>
  );
}

export function SettlementPage(props: { id: string; config: DashboardConfig }) {
  const loaded = useLoad(async () => {
    const { data, error, response } = await api.GET('/api/v1/payments/settlements/{settlement_id}', {
      params: { path: { settlement_id: props.id } },
    });
    if (data === undefined) throw new Error(problemText(error, response.status));
    return data;
  }, [props.id]);
  const back = (
    <p>
      <Link to="/settlements">{S.back}</Link>
    </p>
  );
  if (loaded.data === null) {
    return (
      <>
        {back}
        <LoadState loaded={loaded} />
      </>
    );
  }
  const s = loaded.data;
  return (
    <>
      {back}
      <PageTitle>{S.title(s.settlement_id)}</PageTitle>
      <p>
        <StatusBadge status={s.status} />
      </p>
      <div class="columns">
        <section aria-labelledby="settlement-details">
          <h2 id="settlement-details">{S.details}</h2>
          <dl class="details">
            <dt>{S.amount}</dt>
            <dd>{money(s.amount, s.currency)}</dd>
            <dt>{S.payee}</dt>
            <dd class="mono">{s.payee_address}</dd>
            <dt>{S.transaction}</dt>
            <dd class="mono">
              <TransactionLink txid={s.transaction_id} template={props.config.explorerTxUrl} />
            </dd>
            <dt>{S.trigger}</dt>
            <dd>{s.trigger ?? '—'}</dd>
            {s.failure_reason !== null && (
              <>
                <dt>{S.failure}</dt>
                <dd>{s.failure_reason}</dd>
              </>
            )}
            <dt>{S.created}</dt>
            <dd>{dateTime(s.created_at)}</dd>
            <dt>{S.completed}</dt>
            <dd>{dateTime(s.completed_at)}</dd>
          </dl>
        </section>
        <section aria-labelledby="settlement-costs">
          <h2 id="settlement-costs">{S.costs}</h2>
          <dl class="details">
            <dt>{S.sweepCost}</dt>
            <dd>{S.trx(s.sweep_cost)}</dd>
            <dt>{S.payeeFee}</dt>
            <dd>{s.network_fee === null ? '—' : S.trx(s.network_fee)}</dd>
            <dt>{S.totalCost}</dt>
            <dd>{S.trx(s.total_network_cost)}</dd>
            <CostRows cost={s.network_cost} />
          </dl>
        </section>
      </div>
      <section aria-labelledby="settlement-sweeps">
        <h2 id="settlement-sweeps">{S.sweeps}</h2>
        {s.sweeps.length === 0 ? (
          <p class="muted">{S.noSweeps}</p>
        ) : (
          <Table
            caption={S.sweepsCaption}
            columns={[
              { label: S.col.deposit },
              { label: S.col.status },
              { label: S.col.amount, num: true },
              { label: S.col.fuel, num: true },
              { label: S.col.burned, num: true },
              { label: S.col.energy, num: true },
            ]}
          >
            {s.sweeps.map((w) => (
              <tr key={w.sweep_id}>
                <td class="mono">{w.deposit_address}</td>
                <td>
                  <StatusBadge status={w.status} />
                  {w.failure_reason !== null && <span class="muted"> · {w.failure_reason}</span>}
                </td>
                <td class="num">{money(w.amount, w.asset)}</td>
                <td class="num">{w.fuel_amount ?? '—'}</td>
                <td class="num">{w.network_cost?.trx_burned ?? '—'}</td>
                <td class="num">{w.network_cost?.energy_used ?? '—'}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
