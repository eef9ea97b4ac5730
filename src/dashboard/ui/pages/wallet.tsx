/**
 * Wallet: the hot wallet's balances per asset, its energy and bandwidth (available of the limit), the
 * TRX it has staked and lent out, unstakes waiting out their delay, the deposit-address pool, and the
 * energy strategy — which an owner or admin can switch here (PUT /api/v1/wallet/energy-strategy).
 */
import { useState } from 'preact/hooks';
import { problemText } from '../api.js';
import { dateTime } from '../format.js';
import { MESSAGES } from '../messages.js';
import { LoadState, Outcome, type OutcomeText, PageTitle, Table } from '../parts.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.wallet;
const STRATEGIES = ['auto', 'burn', 'stake'] as const;
type Strategy = (typeof STRATEGIES)[number];

async function loadWallet() {
  const [wallet, strategy] = await Promise.all([api.GET('/api/v1/wallet'), api.GET('/api/v1/wallet/energy-strategy')]);
  if (wallet.data === undefined) throw new Error(problemText(wallet.error, wallet.response.status));
  if (strategy.data === undefined) throw new Error(problemText(strategy.error, strategy.response.status));
  return { wallet: wallet.data, strategy: strategy.data };
}

export function WalletPage(props: { role: Role }) {
  const loaded = useLoad(loadWallet, []);
  if (loaded.data === null) {
    return (
      <>
        <PageTitle>{T.title}</PageTitle>
        <LoadState loaded={loaded} />
      </>
    );
  }
  const { wallet: w, strategy } = loaded.data;
  const assets = Object.keys(w.balances).sort();
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      <p>
        {T.address}: <span class="mono">{w.address}</span> · <span class="muted">{T.block(w.block_number)}</span>
      </p>
      <section class="cards" aria-label={T.resources}>
        <div class="card">
          <h2>{T.energy}</h2>
          <p class="big">{w.energy.available}</p>
          <p class="hint">{T.ofLimit(w.energy.available, w.energy.limit)}</p>
        </div>
        <div class="card">
          <h2>{T.bandwidth}</h2>
          <p class="big">{w.bandwidth.available}</p>
          <p class="hint">{T.ofLimit(w.bandwidth.available, w.bandwidth.limit)}</p>
        </div>
        <div class="card">
          <h2>{T.strategy}</h2>
          <p class="big">{T.strategyNames[strategy.strategy] ?? strategy.strategy}</p>
          <p class="hint">
            {T.strategyNow(
              T.strategySource[strategy.source] ?? strategy.source,
              T.strategyEffective[strategy.effective] ?? strategy.effective,
            )}
          </p>
        </div>
      </section>
      <div class="columns">
        <section aria-labelledby="balances-title">
          <h2 id="balances-title">{T.balances}</h2>
          <Table caption={T.balancesCaption} columns={[{ label: T.asset }, { label: T.balance, num: true }]}>
            {assets.map((asset) => (
              <tr key={asset}>
                <th scope="row">{asset}</th>
                <td class="num">{w.balances[asset]}</td>
              </tr>
            ))}
          </Table>
          <h2 id="pool-title">{T.pool}</h2>
          <dl class="details">
            <dt>{T.poolFree}</dt>
            <dd>{w.deposit_addresses.free}</dd>
            <dt>{T.poolReusable}</dt>
            <dd>{w.deposit_addresses.reusable}</dd>
            <dt>{T.poolInUse}</dt>
            <dd>{w.deposit_addresses.in_use}</dd>
          </dl>
          <p class="hint">{T.poolTarget(w.deposit_addresses.target)}</p>
        </section>
        <section aria-labelledby="staking-title">
          <h2 id="staking-title">{T.staking}</h2>
          {w.staking === null ? (
            <p class="muted">{T.stakingUnknown}</p>
          ) : (
            <dl class="details">
              <dt>{T.stakedEnergy}</dt>
              <dd>{T.trx(w.staking.energy_trx)}</dd>
              <dt>{T.stakedBandwidth}</dt>
              <dd>{T.trx(w.staking.bandwidth_trx)}</dd>
              <dt>{T.delegatedOut}</dt>
              <dd>{T.trx(w.staking.energy_delegated_out_trx)}</dd>
              <dt>{T.pendingUnstakes}</dt>
              <dd>
                {w.staking.pending_unstakes.length === 0 ? (
                  T.noUnstakes
                ) : (
                  <ul class="plain">
                    {w.staking.pending_unstakes.map((u) => (
                      <li key={`${u.resource}-${u.withdrawable_at}`}>{T.unstake(u.trx, u.resource, dateTime(u.withdrawable_at))}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          )}
          {canManage(props.role) && <StrategyForm current={strategy.strategy} onSaved={loaded.reload} />}
        </section>
      </div>
    </>
  );
}

function StrategyForm(props: { current: Strategy; onSaved: () => void }) {
  const [choice, setChoice] = useState<Strategy>(props.current);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.PUT('/api/v1/wallet/energy-strategy', { body: { strategy: choice } });
    setBusy(false);
    if (data === undefined) {
      setOutcome({ ok: false, text: problemText(error, response.status) });
      return;
    }
    setOutcome({ ok: true, text: T.strategySaved(T.strategyNames[data.strategy] ?? data.strategy) });
    props.onSaved();
  }

  return (
    <form class="panel" onSubmit={save}>
      <fieldset class="scopes">
        <legend>{T.strategyChoose}</legend>
        {STRATEGIES.map((s) => (
          <label key={s} class="check">
            <input type="radio" name="strategy" value={s} checked={choice === s} onChange={() => setChoice(s)} /> {T.strategyNames[s]}{' '}
            <span class="muted">— {T.strategyHelp[s]}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button button-primary" disabled={busy}>
        {T.strategySave}
      </button>
      <Outcome outcome={outcome} />
    </form>
  );
}
