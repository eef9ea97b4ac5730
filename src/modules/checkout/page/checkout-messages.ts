/**
 * The checkout page's words in its three languages, and the choice of language for a request. One
 * catalogue per locale with the same keys (the type makes a missing key a compile error); `{name}`
 * placeholders are filled by `fill` on the server and by the page's script in the browser, always as
 * text (the template engine escapes, the script writes textContent).
 */
import type { CheckoutLocale } from '../checkout-view.js';

export type Locale = CheckoutLocale;
export const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'ru'];
/** each language named in itself, for the switcher */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ru: 'Русский' };

const en = {
  pageTitle: 'Pay {merchant}',
  notFoundTitle: 'Payment page not found',
  notFoundBody: 'This link is wrong, or the payment is no longer available. Ask the shop for a new payment link.',
  amountLabel: 'Amount to pay',
  dueLabel: 'Still to pay',
  paidLabel: 'Amount paid',
  plainAmountLabel: 'Amount',
  assetOnNetwork: '{asset} on {network}',
  addressLabel: 'Deposit address',
  networkWarning: 'Send only {asset} on {network} to this address. Other tokens or networks cannot be recovered.',
  qrLabel: 'QR code of the deposit address',
  scanHint: 'Scan with your wallet app, or copy the address.',
  copyAddress: 'Copy address',
  copyAmount: 'Copy amount',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it by hand.',
  timeLeft: 'Time left',
  timeLeftMinutes: 'about {minutes} min',
  timeUp: 'Time is up',
  oneMinuteLeft: 'One minute left to pay',
  confirmations: '{x} of {y} confirmations',
  waitingTitle: 'Waiting for your payment',
  waitingBody: 'Send exactly the amount shown. This page updates by itself.',
  waitingBodyNoJs: 'Send exactly the amount shown, then refresh this page.',
  seenTitle: 'Payment seen in a block',
  seenBody: 'Waiting for the network to confirm it.',
  confirmedTitle: 'Payment confirmed',
  confirmedBody: 'Finishing up, one moment.',
  completedTitle: 'Payment complete',
  completedBody: 'Thank you. {merchant} has received your payment.',
  underpaidTitle: 'Part of the payment has arrived',
  underpaidBody: 'Received {received} {asset}. Please send the remaining {due} {asset} to the same address.',
  overpaidTitle: 'Payment complete, with extra',
  overpaidBody: 'You sent {over} {asset} more than asked.',
  overpaidRefund: 'The extra will be refunded to the address it came from.',
  overpaidCredit: 'The extra is credited to your account with {merchant}.',
  overpaidContact: 'Contact {merchant} about the extra.',
  expiredTitle: 'This payment has expired',
  expiredBody: 'Do not send anything to this address now.',
  cancelledTitle: 'This payment was cancelled',
  cancelledBody: 'Do not send anything to this address.',
  paidLateTitle: 'Your payment arrived after the time ran out',
  paidLateBody: '{merchant} has been told and will decide what happens next. Contact them if you need help.',
  failedTitle: 'This payment could not be completed',
  failedBody: 'Contact {merchant} for help.',
  startAgain: 'Start again',
  redirecting: 'Returning to {merchant} in {seconds} s…',
  returnNow: 'Return to {merchant}',
  backTo: 'Back to {merchant}',
  cancelAndReturn: 'Cancel and return',
  cancelPayment: 'Cancel payment',
  refresh: 'Refresh',
  payWithWallet: 'Pay with wallet',
  walletConfirm: 'Confirm the transfer in your wallet…',
  walletSent: 'Sent from your wallet. Waiting for the network.',
  walletRejected: 'You cancelled the transfer in your wallet. Nothing was sent.',
  walletNoFunds: 'Your wallet does not have enough {asset}, or enough TRX for the network fee.',
  walletLocked: 'Unlock your wallet, then try again.',
  walletFailed: 'The wallet could not send the payment. You can still send it to the address above.',
  receiptTo: 'Receipt to {email}',
  help: 'Need help?',
  transactions: 'Transactions',
  language: 'Language',
  darkTheme: 'Dark theme',
  footer: 'Payments on TRON, processed by the merchant’s own gateway.',
  linkTitle: 'Pay {merchant}',
  linkAmountLabel: 'Amount in {asset}',
  linkAmountHint: 'Between {min} and {max} {asset}.',
  linkFixedAmount: 'Amount',
  linkContinue: 'Continue to payment',
  linkErrorInvalidAmount: 'Enter an amount, for example 12.50.',
  linkErrorAmountOutOfRange: 'The amount must be between {min} and {max} {asset}.',
  linkErrorUnavailable: 'This payment link is no longer available.',
  linkErrorGeneric: 'Something went wrong. Please try again.',
};

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const zhCN: Catalogue = {
  pageTitle: '向 {merchant} 付款',
  notFoundTitle: '找不到付款页面',
  notFoundBody: '此链接有误，或该笔付款已不可用。请向商家索取新的付款链接。',
  amountLabel: '应付金额',
  dueLabel: '尚需支付',
  paidLabel: '已付金额',
  plainAmountLabel: '金额',
  assetOnNetwork: '{network} 上的 {asset}',
  addressLabel: '收款地址',
  networkWarning: '请仅向此地址发送 {network} 上的 {asset}。其他代币或网络的转账将无法找回。',
  qrLabel: '收款地址二维码',
  scanHint: '用钱包应用扫码，或复制地址。',
  copyAddress: '复制地址',
  copyAmount: '复制金额',
  copied: '已复制',
  copyFailed: '无法复制：请手动选中文本并复制。',
  timeLeft: '剩余时间',
  timeLeftMinutes: '约 {minutes} 分钟',
  timeUp: '时间已到',
  oneMinuteLeft: '付款时间还剩一分钟',
  confirmations: '已确认 {x} / {y}',
  waitingTitle: '等待您的付款',
  waitingBody: '请准确发送所示金额。本页面会自动更新。',
  waitingBodyNoJs: '请准确发送所示金额，然后刷新本页面。',
  seenTitle: '已在区块中发现付款',
  seenBody: '正在等待网络确认。',
  confirmedTitle: '付款已确认',
  confirmedBody: '正在完成，请稍候。',
  completedTitle: '付款完成',
  completedBody: '谢谢。{merchant} 已收到您的付款。',
  underpaidTitle: '已收到部分付款',
  underpaidBody: '已收到 {received} {asset}。请向同一地址再发送 {due} {asset}。',
  overpaidTitle: '付款完成（多付）',
  overpaidBody: '您比应付金额多发送了 {over} {asset}。',
  overpaidRefund: '多付部分将退回至付款来源地址。',
  overpaidCredit: '多付部分已计入您在 {merchant} 的账户。',
  overpaidContact: '请联系 {merchant} 处理多付部分。',
  expiredTitle: '此付款已过期',
  expiredBody: '请不要再向此地址发送任何款项。',
  cancelledTitle: '此付款已取消',
  cancelledBody: '请不要向此地址发送任何款项。',
  paidLateTitle: '您的付款在时限过后到账',
  paidLateBody: '{merchant} 已收到通知，将决定后续处理。如需帮助请联系他们。',
  failedTitle: '此付款无法完成',
  failedBody: '请联系 {merchant} 获取帮助。',
  startAgain: '重新开始',
  redirecting: '{seconds} 秒后返回 {merchant}…',
  returnNow: '返回 {merchant}',
  backTo: '返回 {merchant}',
  cancelAndReturn: '取消并返回',
  cancelPayment: '取消付款',
  refresh: '刷新',
  payWithWallet: '使用钱包支付',
  walletConfirm: '请在钱包中确认转账…',
  walletSent: '已从您的钱包发出，正在等待网络确认。',
  walletRejected: '您已在钱包中取消转账，未发送任何款项。',
  walletNoFunds: '您的钱包中 {asset} 不足，或 TRX 不足以支付网络手续费。',
  walletLocked: '请先解锁钱包，然后重试。',
  walletFailed: '钱包未能发送付款。您仍可向上方地址转账。',
  receiptTo: '收据将发送至 {email}',
  help: '需要帮助？',
  transactions: '交易',
  language: '语言',
  darkTheme: '深色主题',
  footer: 'TRON 付款，由商家自己的网关处理。',
  linkTitle: '向 {merchant} 付款',
  linkAmountLabel: '金额（{asset}）',
  linkAmountHint: '介于 {min} 与 {max} {asset} 之间。',
  linkFixedAmount: '金额',
  linkContinue: '继续付款',
  linkErrorInvalidAmount: '请输入金额，例如 12.50。',
  linkErrorAmountOutOfRange: '金额必须介于 {min} 与 {max} {asset} 之间。',
  linkErrorUnavailable: '此付款链接已不可用。',
  linkErrorGeneric: '出了点问题，请重试。',
};

const ru: Catalogue = {
  pageTitle: 'Оплата: {merchant}',
  notFoundTitle: 'Страница оплаты не найдена',
  notFoundBody: 'Ссылка неверна, или платёж больше недоступен. Попросите у магазина новую ссылку на оплату.',
  amountLabel: 'Сумма к оплате',
  dueLabel: 'Осталось оплатить',
  paidLabel: 'Оплачено',
  plainAmountLabel: 'Сумма',
  assetOnNetwork: '{asset} в сети {network}',
  addressLabel: 'Адрес для оплаты',
  networkWarning: 'Отправляйте на этот адрес только {asset} в сети {network}. Другие токены и сети вернуть нельзя.',
  qrLabel: 'QR-код адреса для оплаты',
  scanHint: 'Отсканируйте в приложении кошелька или скопируйте адрес.',
  copyAddress: 'Копировать адрес',
  copyAmount: 'Копировать сумму',
  copied: 'Скопировано',
  copyFailed: 'Не удалось скопировать: выделите текст и скопируйте вручную.',
  timeLeft: 'Осталось времени',
  timeLeftMinutes: 'около {minutes} мин',
  timeUp: 'Время вышло',
  oneMinuteLeft: 'На оплату осталась одна минута',
  confirmations: 'Подтверждений: {x} из {y}',
  waitingTitle: 'Ожидаем ваш платёж',
  waitingBody: 'Отправьте ровно указанную сумму. Страница обновляется сама.',
  waitingBodyNoJs: 'Отправьте ровно указанную сумму, затем обновите страницу.',
  seenTitle: 'Платёж найден в блоке',
  seenBody: 'Ждём подтверждения сети.',
  confirmedTitle: 'Платёж подтверждён',
  confirmedBody: 'Завершаем, одну минуту.',
  completedTitle: 'Оплата прошла',
  completedBody: 'Спасибо. {merchant} получил ваш платёж.',
  underpaidTitle: 'Поступила часть платежа',
  underpaidBody: 'Получено {received} {asset}. Отправьте оставшиеся {due} {asset} на тот же адрес.',
  overpaidTitle: 'Оплата прошла, с излишком',
  overpaidBody: 'Вы отправили на {over} {asset} больше, чем нужно.',
  overpaidRefund: 'Излишек вернётся на адрес, с которого он пришёл.',
  overpaidCredit: 'Излишек зачислен на ваш счёт у {merchant}.',
  overpaidContact: 'Свяжитесь с {merchant} насчёт излишка.',
  expiredTitle: 'Срок оплаты истёк',
  expiredBody: 'Больше ничего не отправляйте на этот адрес.',
  cancelledTitle: 'Платёж отменён',
  cancelledBody: 'Ничего не отправляйте на этот адрес.',
  paidLateTitle: 'Платёж пришёл после окончания срока',
  paidLateBody: '{merchant} получил уведомление и решит, что делать дальше. Свяжитесь с ним, если нужна помощь.',
  failedTitle: 'Платёж не удалось завершить',
  failedBody: 'Обратитесь за помощью к {merchant}.',
  startAgain: 'Начать заново',
  redirecting: 'Возврат в {merchant} через {seconds} с…',
  returnNow: 'Вернуться в {merchant}',
  backTo: 'Назад в {merchant}',
  cancelAndReturn: 'Отменить и вернуться',
  cancelPayment: 'Отменить платёж',
  refresh: 'Обновить',
  payWithWallet: 'Оплатить кошельком',
  walletConfirm: 'Подтвердите перевод в кошельке…',
  walletSent: 'Отправлено из кошелька. Ждём сеть.',
  walletRejected: 'Вы отменили перевод в кошельке. Ничего не отправлено.',
  walletNoFunds: 'В кошельке недостаточно {asset} или TRX для оплаты комиссии сети.',
  walletLocked: 'Разблокируйте кошелёк и попробуйте снова.',
  walletFailed: 'Кошелёк не смог отправить платёж. Вы по-прежнему можете отправить его на адрес выше.',
  receiptTo: 'Чек будет отправлен на {email}',
  help: 'Нужна помощь?',
  transactions: 'Транзакции',
  language: 'Язык',
  darkTheme: 'Тёмная тема',
  footer: 'Платежи в TRON через собственный шлюз продавца.',
  linkTitle: 'Оплата: {merchant}',
  linkAmountLabel: 'Сумма в {asset}',
  linkAmountHint: 'От {min} до {max} {asset}.',
  linkFixedAmount: 'Сумма',
  linkContinue: 'Перейти к оплате',
  linkErrorInvalidAmount: 'Введите сумму, например 12.50.',
  linkErrorAmountOutOfRange: 'Сумма должна быть от {min} до {max} {asset}.',
  linkErrorUnavailable: 'Эта ссылка на оплату больше недоступна.',
  linkErrorGeneric: 'Что-то пошло не так. Попробуйте ещё раз.',
};

export const CATALOGUES: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN, ru };

/** `{name}` placeholders filled with the given values (as plain text; escaping is the template's job) */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function supported(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'ru' || t.startsWith('ru-')) return 'ru';
  // Simplified Chinese is the only Chinese catalogue: Traditional tags (zh-TW, zh-Hant) still read it better than English
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return null;
}

/** The page's language: `?lang=` when it names one we have, else the best of Accept-Language, else English. */
export function pickLocale(acceptLanguage: string | undefined, query?: string): Locale {
  if (query !== undefined) {
    const chosen = supported(query);
    if (chosen !== null) return chosen;
  }
  if (acceptLanguage === undefined) return 'en';
  const ranked = acceptLanguage
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supported(tag);
    if (locale !== null) return locale;
  }
  return 'en';
}
