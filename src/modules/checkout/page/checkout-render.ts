/**
 * The checkout pages as HTML documents: the payment page, the payment-link page and the one 404 page.
 * Each builds a view model (the words in the chosen language, what is shown in which state) and hands
 * it to an Eta template, which escapes every value. The page carries its state and words as JSON in
 * data attributes (escaped by the engine like any attribute) for the script that keeps it live.
 */
import { Eta } from 'eta';
import type {
  CheckoutLinkContext,
  CheckoutLinkView,
  CheckoutNotFoundContext,
  CheckoutPageContext,
  CheckoutState,
  CheckoutStatus,
} from '../checkout-view.js';
import { ASSET_NAMES } from './checkout-assets.js';
import { CATALOGUES, type Catalogue, fill, LOCALE_NAMES, LOCALES, type Locale, type MessageKey } from './checkout-messages.js';
import { renderQrSvg } from './checkout-qr.js';
import { CHECKOUT, LAYOUT, LINK, NOT_FOUND } from './checkout-templates.js';

const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true, useWith: false });
eta.loadTemplate('@layout', LAYOUT);
eta.loadTemplate('@checkout', CHECKOUT);
eta.loadTemplate('@link', LINK);
eta.loadTemplate('@not-found', NOT_FOUND);

/** the states in which the customer should still send money (QR, address, timer, wallet) */
const OPEN: readonly CheckoutStatus[] = ['waiting', 'underpaid'];
const TONE: Record<CheckoutStatus, 'info' | 'ok' | 'warn' | 'bad'> = {
  waiting: 'info',
  seen: 'info',
  confirmed: 'info',
  completed: 'ok',
  overpaid: 'ok',
  underpaid: 'warn',
  expired: 'bad',
  cancelled: 'bad',
  paid_late: 'warn',
  failed: 'bad',
};
const STATUS_KEY: Record<CheckoutStatus, string> = {
  waiting: 'waiting',
  seen: 'seen',
  confirmed: 'confirmed',
  completed: 'completed',
  overpaid: 'overpaid',
  underpaid: 'underpaid',
  expired: 'expired',
  cancelled: 'cancelled',
  paid_late: 'paidLate',
  failed: 'failed',
};
/** the words the script needs in the browser (the rest only appear in the server's HTML) */
const CLIENT_KEYS: readonly MessageKey[] = [
  'amountLabel',
  'dueLabel',
  'paidLabel',
  'plainAmountLabel',
  'confirmations',
  ...Object.values(STATUS_KEY).flatMap((k) => [`${k}Title`, `${k}Body`] as MessageKey[]),
  'overpaidRefund',
  'overpaidCredit',
  'overpaidContact',
  'redirecting',
  'copied',
  'copyFailed',
  'timeUp',
  'oneMinuteLeft',
  'walletConfirm',
  'walletSent',
  'walletRejected',
  'walletNoFunds',
  'walletLocked',
  'walletFailed',
];
const AMOUNT_LABEL: Record<CheckoutStatus, MessageKey> = {
  waiting: 'amountLabel',
  underpaid: 'dueLabel',
  seen: 'paidLabel',
  confirmed: 'paidLabel',
  completed: 'paidLabel',
  overpaid: 'paidLabel',
  paid_late: 'paidLabel',
  expired: 'plainAmountLabel',
  cancelled: 'plainAmountLabel',
  failed: 'plainAmountLabel',
};
const LINK_ERRORS: Record<string, MessageKey> = {
  invalid_amount: 'linkErrorInvalidAmount',
  amount_out_of_range: 'linkErrorAmountOutOfRange',
  unavailable: 'linkErrorUnavailable',
};

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function scaleOf(value: string, decimals: number): bigint {
  const [whole = '0', frac = ''] = value.split('.');
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0').slice(0, decimals) || '0');
}

function unscale(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? digits.slice(digits.length - decimals).replace(/0+$/, '') : '';
  return frac === '' ? whole : `${whole}.${frac}`;
}

/** what was received above the amount asked, as a decimal string */
function overAmount(state: CheckoutState): string {
  if (state.amountOver !== undefined) return state.amountOver;
  try {
    const over = scaleOf(state.amountReceived, state.decimals) - scaleOf(state.amount, state.decimals);
    return unscale(over > 0n ? over : 0n, state.decimals);
  } catch {
    return '';
  }
}

function languageLinks(locale: Locale, base: string) {
  return LOCALES.map((code) => ({ code, name: LOCALE_NAMES[code], href: `${base}?lang=${code}`, current: code === locale }));
}

interface LayoutInput {
  locale: Locale;
  title: string;
  nonce: string;
  assetBase: string;
  merchant: string;
  logoUrl: string | null;
  accent: string | null;
  body: string;
  selfPath: string;
  root?: { paymentStatus: string; checkoutStatus: CheckoutStatus };
}

function renderLayout(input: LayoutInput): string {
  const t = CATALOGUES[input.locale];
  return eta.render('@layout', {
    lang: input.locale,
    title: input.title,
    nonce: input.nonce,
    cssUrl: `${input.assetBase}/${ASSET_NAMES.css}`,
    jsUrl: `${input.assetBase}/${ASSET_NAMES.js}`,
    merchant: input.merchant,
    initial: Array.from(input.merchant.trim())[0]?.toUpperCase() ?? '·',
    logoUrl: input.logoUrl,
    accent: input.accent !== null && HEX_COLOUR.test(input.accent) ? input.accent : null,
    languages: languageLinks(input.locale, input.selfPath),
    root: input.root ?? null,
    body: input.body,
    t,
  });
}

/** One number format per locale: creating one per page was a noticeable share of a page's CPU time. */
const NUMBER_FORMATS = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale);
    NUMBER_FORMATS.set(locale, format);
  }
  return format;
}

function statusTexts(state: CheckoutState, t: Catalogue, merchant: string, locale: Locale) {
  const numbers = numberFormat(locale);
  const values = {
    merchant,
    asset: state.asset,
    received: state.amountReceived,
    due: state.amountDue,
    over: overAmount(state),
    x: numbers.format(state.confirmations),
    y: numbers.format(state.confirmationsRequired),
  };
  const key = STATUS_KEY[state.checkoutStatus];
  const handling = state.overpaymentHandling;
  const extraKey: MessageKey = handling === 'refund' ? 'overpaidRefund' : handling === 'credit' ? 'overpaidCredit' : 'overpaidContact';
  return {
    tone: TONE[state.checkoutStatus],
    statusTitle: fill(t[`${key}Title` as MessageKey], values),
    // without JavaScript nothing updates by itself: the script puts the live wording in place
    statusBody: fill(t[state.checkoutStatus === 'waiting' ? 'waitingBodyNoJs' : (`${key}Body` as MessageKey)], values),
    statusExtra: state.checkoutStatus === 'overpaid' ? fill(t[extraKey], values) : '',
    confirmations: fill(t.confirmations, values),
  };
}

/** The payment page: everything readable without JavaScript, and the data the script keeps live. */
export function renderCheckoutPage(state: CheckoutState, ctx: CheckoutPageContext): string {
  const t = CATALOGUES[ctx.locale];
  const merchant = ctx.branding.displayName;
  const base = `/checkout/${encodeURIComponent(ctx.token)}`;
  const status = state.checkoutStatus;
  const shows = (list: string) => list.split(' ').includes(status);
  const minutesLeft =
    state.expiresAt === null ? null : Math.max(0, Math.ceil((Date.parse(state.expiresAt) - Date.parse(state.serverTime)) / 60_000));
  const clientText = Object.fromEntries(CLIENT_KEYS.map((k) => [k, t[k]]));
  const explorer = ctx.explorerTxUrl;
  const body = eta.render('@checkout', {
    t,
    open: String(OPEN.includes(status)),
    stateJson: JSON.stringify(state),
    textJson: JSON.stringify(clientText),
    merchant,
    statusUrl: `${base}/status`,
    eventsUrl: `${base}/events`,
    explorer,
    redirectSeconds: String(Math.max(0, Math.min(60, Math.floor(ctx.redirectSeconds ?? 5)))),
    heading: fill(t.pageTitle, { merchant }),
    description: state.description ?? null,
    amountLabel: t[AMOUNT_LABEL[status]],
    amount: status === 'underpaid' ? state.amountDue : state.amount,
    asset: state.asset,
    assetOnNetwork: fill(t.assetOnNetwork, { asset: state.asset, network: state.network }),
    networkWarning: fill(t.networkWarning, { asset: state.asset, network: state.network }),
    ...statusTexts(state, t, merchant, ctx.locale),
    shows,
    expiresAt: state.expiresAt,
    timeLeftText:
      minutesLeft === null
        ? ''
        : minutesLeft === 0
          ? t.timeUp
          : fill(t.timeLeftMinutes, { minutes: numberFormat(ctx.locale).format(minutesLeft) }),
    refreshUrl: `${base}?lang=${ctx.locale}`,
    successUrl: state.successUrl,
    restartUrl: state.restartUrl,
    cancelUrl: state.cancelUrl,
    returnNow: fill(t.returnNow, { merchant }),
    backTo: fill(t.backTo, { merchant }),
    cancelAction: `${base}/cancel`,
    cancelLabel: state.cancelUrl === null ? t.cancelPayment : t.cancelAndReturn,
    qrSvg: renderQrSvg(state.address),
    address: state.address,
    customerEmail: ctx.customerEmail,
    receiptTo: ctx.customerEmail === null ? '' : fill(t.receiptTo, { email: ctx.customerEmail }),
    txids: state.txids.map((id) => ({ id, href: explorer === null ? null : explorer.replace('{txid}', encodeURIComponent(id)) })),
    supportEmail: ctx.branding.supportEmail,
    supportHref: ctx.branding.supportEmail === null ? null : `mailto:${ctx.branding.supportEmail}`,
  });
  return renderLayout({
    locale: ctx.locale,
    title: fill(t.pageTitle, { merchant }),
    nonce: ctx.nonce,
    assetBase: ctx.assetBase,
    merchant,
    logoUrl: ctx.branding.logoUrl,
    accent: ctx.branding.accentColor,
    body,
    selfPath: base,
    root: { paymentStatus: state.paymentStatus, checkoutStatus: status },
  });
}

/** The payment link's page: its description and amount, or an amount field, posting to the same URL. */
export function renderLinkPage(link: CheckoutLinkView, ctx: CheckoutLinkContext): string {
  const t = CATALOGUES[ctx.locale];
  const merchant = ctx.branding.displayName;
  const action = `/pay/${encodeURIComponent(ctx.token)}`;
  const values = { asset: link.asset, min: link.min, max: link.max };
  const errorKey = link.error === undefined ? undefined : (LINK_ERRORS[link.error] ?? 'linkErrorGeneric');
  const body = eta.render('@link', {
    t,
    heading: fill(t.linkTitle, { merchant }),
    description: link.description,
    action: `${action}?lang=${ctx.locale}`,
    amount: link.amount,
    asset: link.asset,
    amountLabel: fill(t.linkAmountLabel, values),
    hint: fill(t.linkAmountHint, values),
    value: link.value ?? '',
    error: errorKey === undefined ? null : fill(t[errorKey], values),
  });
  return renderLayout({
    locale: ctx.locale,
    title: fill(t.linkTitle, { merchant }),
    nonce: ctx.nonce,
    assetBase: ctx.assetBase,
    merchant,
    logoUrl: ctx.branding.logoUrl,
    accent: ctx.branding.accentColor,
    body,
    selfPath: action,
  });
}

/** The same page for every token that opens nothing: it names no payment and no merchant. */
export function renderNotFoundPage(ctx: CheckoutNotFoundContext): string {
  const t = CATALOGUES[ctx.locale];
  return renderLayout({
    locale: ctx.locale,
    title: t.notFoundTitle,
    nonce: ctx.nonce,
    assetBase: ctx.assetBase,
    merchant: 'TRON Payment Gateway',
    logoUrl: null,
    accent: null,
    body: eta.render('@not-found', { t }),
    selfPath: '',
  });
}
