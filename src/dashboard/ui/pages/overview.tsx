/**
 * Overview: the period's volume and TRX burned per day (uPlot), success rate, time to completion, and
 * what needs someone — open payments, payouts held for approval or waiting for energy, failing webhook
 * endpoints, a scanner behind the chain, balance differences and disputed payments — each linking to
 * where to act. Reads the
 * analytics, payments, webhooks, reconciliations and /status endpoints of the public API.
 */
import { useMemo } from 'preact/hooks';
import { dataOf } from '../api.js';
import { type ChartSeries, DailyChart } from '../chart.js';
import { dateTime, percent, seconds, sumDecimals } from '../format.js';
import { heldPayouts } from '../held-payouts.js';
import { MESSAGES } from '../messages.js';
import { ErrorNote, Link, Loading, PageTitle, Table } from '../parts.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.overview;
const PERIOD_DAYS = 30;
/** disputed payments counted on the overview ("n+" beyond) */
const ATTENTION_LIMIT = 20;
/** pending payouts (a waiting one stays pending until sent) looked at for one waiting for energy */
const WAITING_SCAN = 200;

/** the failing endpoints, for the roles that may read webhooks (null for the others) */
async function failingWebhooks(readable: boolean) {
  if (!readable) return null;
  const data = dataOf(await api.GET('/api/v1/payments/webhooks'));
  return data.data.filter((w) => w.failing_since !== null || w.status === 'disabled');
}

/** the scanner's lag when it is beyond the readiness limit (/status), else null */
async function scannerBehind(): Promise<{ lag: number; max: number } | null> {
  const { data } = await api.GET('/status');
  const scanner = (data as { scanner?: { lag: number | null; max_lag_blocks?: number } } | undefined)?.scanner;
  if (scanner?.lag == null || scanner.max_lag_blocks === undefined) return null;
  return scanner.lag > scanner.max_lag_blocks ? { lag: scanner.lag, max: scanner.max_lag_blocks } : null;
}

/** payouts whose transfer waits for the hot wallet's staked energy to recover (energy_decision) */
async function payoutsWaitingForEnergy() {
  const data = dataOf(
    await api.GET('/api/v1/payments', {
      params: { query: { payment_method: 'route', status: 'pending', limit: WAITING_SCAN } },
    }),
  );
  return { count: data.data.filter((p) => p.energy_decision?.decision === 'waiting').length, more: data.has_more };
}

/** recent payment disputes and balance comparisons whose newest run found differences */
async function reconciliationIssues() {
  const list = (outcome: 'differences' | 'balanced' | 'disputed', limit: number) =>
    api.GET('/api/v1/payments/reconciliations', { params: { query: { outcome, limit } } });
  const [differences, balanced, disputed] = await Promise.all([
    list('differences', 1),
    list('balanced', 1),
    api.GET('/api/v1/payments', { params: { query: { status: 'disputed', limit: ATTENTION_LIMIT } } }),
  ]);
  const lastDifference = dataOf(differences).data[0]?.created_at;
  const lastBalanced = dataOf(balanced).data[0]?.created_at;
  // an old difference that a later comparison found balanced is settled
  const balancesDiffer = lastDifference !== undefined && (lastBalanced === undefined || lastDifference > lastBalanced);
  const disputedPage = dataOf(disputed);
  return { balancesDiffer, disputed: { count: disputedPage.data.length, more: disputedPage.has_more } };
}

async function loadOverview(role: Role) {
  const [analytics, held, failing, scanner, reconciliation, waiting] = await Promise.all([
    api.GET('/api/v1/payments/analytics', { params: { query: { period_days: PERIOD_DAYS } } }),
    heldPayouts(),
    failingWebhooks(canManage(role)),
    scannerBehind(),
    reconciliationIssues(),
    payoutsWaitingForEnergy(),
  ]);
  return { analytics: dataOf(analytics), held: { count: held.payouts.length, more: held.more }, failing, scanner, reconciliation, waiting };
}

export function OverviewPage(props: { role: Role }) {
  const loaded = useLoad(() => loadOverview(props.role), [props.role]);
  const chart = useMemo(() => {
    const a = loaded.data?.analytics;
    if (!a) return null;
    // an asset with nothing in the period adds a flat line and a legend entry that say nothing
    const assets = [...new Set(a.daily.flatMap((d) => Object.keys(d.volume)))]
      .filter((asset) => a.daily.some((d) => Number(d.volume[asset] ?? '0') > 0))
      .sort();
    const series: ChartSeries[] = assets.map((asset) => ({
      label: asset,
      values: a.daily.map((d) => (d.volume[asset] === undefined ? 0 : Number(d.volume[asset]))),
    }));
    const totals = assets.map((asset) => ({ asset, total: sumDecimals(a.daily.map((d) => d.volume[asset] ?? '0')) }));
    return { days: a.daily.map((d) => d.date), series, totals };
  }, [loaded.data]);
  const burned = useMemo(() => {
    const days = loaded.data?.analytics.collection_cost_daily;
    if (!days) return null;
    return {
      days: days.map((d) => d.date),
      series: [{ label: T.burnedSeries, values: days.map((d) => Number(d.trx_burned)) }],
      total: sumDecimals(days.map((d) => d.trx_burned)),
      collections: days.reduce((n, d) => n + d.completed_collections, 0),
      burning: days.filter((d) => d.trx_burned !== '0'),
    };
  }, [loaded.data]);

  if (loaded.loading && loaded.data === null) return <Loading />;
  if (loaded.error !== null || loaded.data === null) return <ErrorNote message={loaded.error ?? ''} retry={loaded.reload} />;
  const { analytics: a, held, failing, scanner, reconciliation, waiting } = loaded.data;
  const open = (a.by_status.pending ?? 0) + (a.by_status.processing ?? 0) + (a.by_status.confirmed ?? 0);
  const p = a.processing_time_seconds;

  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <p class="muted">{T.period(a.period_days)}</p>
      <section class="cards" aria-label={T.title}>
        <div class="card">
          <h2>{T.successRate}</h2>
          <p class="big">{percent(a.success_rate)}</p>
          <p class="hint">{T.successRateHint}</p>
        </div>
        <div class="card">
          <h2>{T.completionTime}</h2>
          <p class="big">
            {seconds(p.p50)} / {seconds(p.p95)}
          </p>
        </div>
        <div class="card">
          <h2>{T.openPayments}</h2>
          <p class="big">{open}</p>
          {open > 0 && <Link to="/payments?status=pending">{T.act}</Link>}
        </div>
        <div class="card">
          <h2>{T.awaitingApproval}</h2>
          <p class="big">{held.more ? `${held.count}+` : held.count}</p>
          {held.count > 0 && <Link to="/payouts">{T.act}</Link>}
        </div>
      </section>

      <section aria-labelledby="volume-title">
        <h2 id="volume-title">{T.volumeTitle}</h2>
        {chart === null || chart.series.length === 0 ? (
          <p class="muted">{T.noVolume}</p>
        ) : (
          <figure class="figure">
            <DailyChart days={chart.days} series={chart.series} />
            <figcaption>
              <ul class="plain">
                {chart.totals.map((t) => (
                  <li key={t.asset}>{T.volumeSummary(t.asset, t.total)}</li>
                ))}
              </ul>
            </figcaption>
          </figure>
        )}
      </section>

      <section aria-labelledby="burned-title">
        <h2 id="burned-title">{T.burnedTitle}</h2>
        {burned === null || burned.burning.length === 0 ? (
          <p class="muted">{T.noBurned}</p>
        ) : (
          <figure class="figure">
            <DailyChart days={burned.days} series={burned.series} height={160} />
            <figcaption>
              <p>{T.burnedSummary(burned.total, burned.collections)}</p>
              <Table
                caption={T.burnedCaption}
                columns={[
                  { label: T.burnedCol.date },
                  { label: T.burnedCol.collections, num: true },
                  { label: T.burnedCol.burned, num: true },
                  { label: T.burnedCol.perCollection, num: true },
                ]}
              >
                {burned.burning.map((d) => (
                  <tr key={d.date}>
                    <td>{d.date}</td>
                    <td class="num">{d.completed_collections}</td>
                    <td class="num">{d.trx_burned}</td>
                    <td class="num">{d.trx_burned_per_collection ?? '—'}</td>
                  </tr>
                ))}
              </Table>
            </figcaption>
          </figure>
        )}
      </section>

      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{T.attentionTitle}</h2>
        <Attention failing={failing} scanner={scanner} reconciliation={reconciliation} waiting={waiting} />
      </section>
    </>
  );
}

function Attention(props: {
  failing: Awaited<ReturnType<typeof failingWebhooks>>;
  scanner: { lag: number; max: number } | null;
  reconciliation: Awaited<ReturnType<typeof reconciliationIssues>>;
  waiting: Awaited<ReturnType<typeof payoutsWaitingForEnergy>>;
}) {
  const { failing, scanner, reconciliation, waiting } = props;
  const items = [
    waiting.count > 0 && (
      <li key="energy" class="note note-warn">
        <Link to="/payments?payment_method=route&status=pending">{T.waitingForEnergy(waiting.count, waiting.more)}</Link>
      </li>
    ),
    ...(failing ?? []).map((w) => (
      <li key={w.id} class="note note-warn">
        <Link to={`/webhooks/${encodeURIComponent(w.id)}?status=failed`}>
          {w.status === 'disabled' ? T.webhookDisabled(w.url) : T.webhookFailingSince(w.url, dateTime(w.failing_since))}
        </Link>
      </li>
    )),
    scanner !== null && (
      <li key="scanner" class="note note-warn">
        {T.scannerLag(scanner.lag, scanner.max)}
      </li>
    ),
    reconciliation.balancesDiffer && (
      <li key="balances" class="note note-warn">
        <Link to="/reconciliation?outcome=differences">{T.balancesDiffer}</Link>
      </li>
    ),
    reconciliation.disputed.count > 0 && (
      <li key="disputed" class="note note-warn">
        <Link to="/reconciliation">{T.disputedPayments(reconciliation.disputed.count, reconciliation.disputed.more)}</Link>
      </li>
    ),
  ].filter(Boolean);
  if (items.length === 0)
    return <p class="muted">{failing === null ? T.nothingNeedsAttention : `${T.nothingNeedsAttention} ${T.allHealthy}`}</p>;
  return <ul class="plain">{items}</ul>;
}
