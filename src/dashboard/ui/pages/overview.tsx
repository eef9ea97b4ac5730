/**
 * Overview: the period's volume per day and asset (uPlot), success rate, time to completion, and what
 * needs someone — open payments, payouts held for approval, failing webhook endpoints — each linking to
 * where to act. Reads the analytics, payments and webhooks endpoints of the public API.
 */
import { useMemo } from 'preact/hooks';
import { dataOf } from '../api.js';
import { type ChartSeries, DailyChart } from '../chart.js';
import { dateTime, percent, seconds, sumDecimals } from '../format.js';
import { heldPayouts } from '../held-payouts.js';
import { MESSAGES } from '../messages.js';
import { ErrorNote, Link, Loading, PageTitle } from '../parts.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.overview;
const PERIOD_DAYS = 30;

/** the failing endpoints, for the roles that may read webhooks (null for the others) */
async function failingWebhooks(readable: boolean) {
  if (!readable) return null;
  const data = dataOf(await api.GET('/api/v1/payments/webhooks'));
  return data.data.filter((w) => w.failing_since !== null || w.status === 'disabled');
}

async function loadOverview(role: Role) {
  const [analytics, held, failing] = await Promise.all([
    api.GET('/api/v1/payments/analytics', { params: { query: { period_days: PERIOD_DAYS } } }),
    heldPayouts(),
    failingWebhooks(canManage(role)),
  ]);
  return { analytics: dataOf(analytics), held: { count: held.payouts.length, more: held.more }, failing };
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

  if (loaded.loading && loaded.data === null) return <Loading />;
  if (loaded.error !== null || loaded.data === null) return <ErrorNote message={loaded.error ?? ''} retry={loaded.reload} />;
  const { analytics: a, held, failing } = loaded.data;
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

      {failing !== null && (
        <section aria-labelledby="webhooks-title">
          <h2 id="webhooks-title">{T.failingWebhooks}</h2>
          {failing.length === 0 ? (
            <p class="muted">{T.allHealthy}</p>
          ) : (
            <ul class="plain">
              {failing.map((w) => (
                <li key={w.id} class="note note-warn">
                  <Link to={`/webhooks/${encodeURIComponent(w.id)}?status=failed`}>
                    {w.status === 'disabled' ? T.webhookDisabled(w.url) : T.webhookFailingSince(w.url, dateTime(w.failing_since))}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
