/**
 * Merchant settings: the checkout's branding (name, accent colour, support e-mail, logo; changed by the
 * roles that hold `admin`, shown read-only to the others), the settlement schedule and the limits
 * payment creations are checked against (both read-only: they are the gateway's configuration).
 */
import { useState } from 'preact/hooks';
import { dataOf, outcomeOf } from '../api.js';
import { dateTime, money } from '../format.js';
import { MESSAGES } from '../messages.js';
import { Details, FormError, LoadState, Outcome, type OutcomeText, PageTitle, Table } from '../parts.js';
import { api, canManage, type Role } from '../session.js';
import { useLoad } from '../use-load.js';

const T = MESSAGES.settings;
type Branding = Awaited<ReturnType<typeof loadBranding>>;

async function loadBranding() {
  return dataOf(await api.GET('/api/v1/merchant/branding'));
}

export function SettingsPage(props: { role: Role }) {
  return (
    <>
      <PageTitle>{T.title}</PageTitle>
      {!canManage(props.role) && <p class="muted">{MESSAGES.readOnly}</p>}
      <BrandingSection editable={canManage(props.role)} />
      <SettlementSection />
      <LimitsSection />
    </>
  );
}

function BrandingSection(props: { editable: boolean }) {
  const loaded = useLoad(loadBranding, []);
  return (
    <section class="panel" aria-labelledby="branding-title">
      <h2 id="branding-title">{T.brandingTitle}</h2>
      <p class="muted">{T.brandingIntro}</p>
      <LoadState loaded={loaded} />
      {loaded.data !== null &&
        (props.editable ? (
          <BrandingForm branding={loaded.data} onSaved={loaded.reload} />
        ) : (
          <Details
            rows={[
              [T.displayName, loaded.data.display_name ?? T.none],
              [T.accent, loaded.data.accent_color ?? T.none],
              [T.supportEmail, loaded.data.support_email ?? T.none],
              [T.logo, <Logo key="logo" url={loaded.data.logo_url} />],
            ]}
          />
        ))}
    </section>
  );
}

function Logo(props: { url: string | null }) {
  return props.url === null ? <span class="muted">{T.noLogo}</span> : <img class="logo-preview" src={props.url} alt={T.logoCurrent} />;
}

function BrandingForm(props: { branding: Branding; onSaved: () => void }) {
  const [values, setValues] = useState({
    display_name: props.branding.display_name ?? '',
    accent_color: props.branding.accent_color ?? '',
    support_email: props.branding.support_email ?? '',
  });
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const input = (name: keyof typeof values) => ({
    id: `branding-${name}`,
    value: values[name],
    onInput: (e: Event) => setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value })),
  });

  async function save(event: Event) {
    event.preventDefault();
    // an empty field clears the setting (the checkout falls back to its default)
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()]));
    setOutcome(outcomeOf(await api.PUT('/api/v1/merchant/branding', { body }), () => T.saved));
    props.onSaved();
  }

  async function upload(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    // the route takes the raw image (its request body is not in the OpenAPI document's JSON bodies)
    const result = await api.PUT('/api/v1/merchant/branding/logo', {
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': file.type },
    });
    setLogoError(result.data === undefined ? outcomeOf(result, () => '').text : null);
    if (result.data !== undefined) setOutcome({ ok: true, text: T.logoSaved });
    props.onSaved();
  }

  return (
    <>
      <form onSubmit={save} class="narrow">
        <div class="field">
          <label for="branding-display_name">{T.displayName}</label>
          <input maxLength={100} aria-describedby="display-name-hint" {...input('display_name')} />
          <p id="display-name-hint" class="hint">
            {T.displayNameHint}
          </p>
        </div>
        <div class="field">
          <label for="branding-accent_color">{T.accent}</label>
          <input maxLength={7} aria-describedby="accent-hint" {...input('accent_color')} />
          <p id="accent-hint" class="hint">
            {T.accentHint}
          </p>
        </div>
        <div class="field">
          <label for="branding-support_email">{T.supportEmail}</label>
          <input type="email" maxLength={254} {...input('support_email')} />
        </div>
        <button type="submit" class="button button-primary">
          {T.save}
        </button>
      </form>
      <Outcome outcome={outcome} />
      <div class="field narrow logo-field">
        <span class="label">{T.logoCurrent}</span>
        <Logo url={props.branding.logo_url} />
        <label for="branding-logo">{T.logoUpload}</label>
        <input id="branding-logo" type="file" accept="image/png,image/svg+xml" aria-describedby="logo-hint" onChange={upload} />
        <p id="logo-hint" class="hint">
          {T.logoHint}
        </p>
      </div>
      <FormError message={logoError} />
    </>
  );
}

function SettlementSection() {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/payments/settlement/info')), []);
  const info = loaded.data;
  return (
    <section aria-labelledby="settlement-title">
      <h2 id="settlement-title">{T.settlementTitle}</h2>
      <LoadState loaded={loaded} />
      {info !== null && (
        <>
          <Details
            rows={[
              [T.frequency, T.frequencies[info.frequency] ?? info.frequency],
              [T.settlementTime, info.settlement_time_utc],
              [T.nextSettlement, dateTime(info.next_settlement_at)],
              [
                T.lastSettlement,
                info.last_settlement === null
                  ? T.none
                  : `${money(info.last_settlement.amount, info.last_settlement.currency)}, ${dateTime(info.last_settlement.created_at)}`,
              ],
              [T.col.minSettlement, info.min_settlement_amount],
              [T.col.maxSettlement, info.max_settlement_amount],
            ]}
          />
          <Table caption={T.pending} columns={[{ label: T.col.asset }, { label: T.col.pending, num: true }]}>
            {Object.entries(info.pending_amount).map(([asset, amount]) => (
              <tr key={asset}>
                <td>{asset}</td>
                <td class="num">{money(amount, asset)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

function LimitsSection() {
  const loaded = useLoad(async () => dataOf(await api.GET('/api/v1/merchant/limits')), []);
  const limits = loaded.data;
  return (
    <section aria-labelledby="limits-title">
      <h2 id="limits-title">{T.limitsTitle}</h2>
      <p class="muted">{T.limitsIntro}</p>
      <LoadState loaded={loaded} />
      {limits !== null && (
        <>
          <Details
            rows={[
              [T.ratePerMinute, limits.rate_per_minute],
              [T.concurrentPayouts, limits.max_concurrent_payouts],
              [T.batchesInFlight, limits.max_batches_in_flight],
            ]}
          />
          <Table
            caption={T.limitsCaption}
            columns={[
              { label: T.col.asset },
              { label: T.col.min, num: true },
              { label: T.col.max, num: true },
              { label: T.col.day, num: true },
              { label: T.col.month, num: true },
              { label: T.col.approval, num: true },
            ]}
          >
            {limits.assets.map((a) => (
              <tr key={a.currency}>
                <td>{a.currency}</td>
                <td class="num">{a.min_amount}</td>
                <td class="num">{a.max_single_payment}</td>
                <td class="num">{T.usedOf(a.used_today, a.daily_limit)}</td>
                <td class="num">{T.usedOf(a.used_this_month, a.monthly_limit)}</td>
                <td class="num">{a.approval_threshold}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}
