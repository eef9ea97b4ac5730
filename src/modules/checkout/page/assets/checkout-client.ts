/**
 * The checkout page's one script (plain ES2020, no framework), kept as text in a TypeScript module so it
 * ships inside dist/ and is served under a content-hashed URL with the page's CSP nonce. The page works
 * without it (amount, address, QR, refresh link, cancel form); with it the page:
 * - sets the remembered theme and the merchant's accent (through the CSSOM: the CSP forbids inline style),
 * - follows the payment live over Server-Sent Events (`status` events carrying a CheckoutState), falling
 *   back to polling the status endpoint every 2 s, and shows each state without a reload,
 * - keeps `data-payment-status` on <html> current and, when embedded, posts
 *   {type: 'tpg.payment', payment_id, status} to the parent window on every change,
 * - counts down from the server's clock, copies the address and amount, returns to the shop after a
 *   completed payment, and offers "Pay with wallet" when a TRON wallet injected `tronWeb`.
 * String.raw keeps the regular expressions' backslashes; the text must not contain a backtick or "${".
 */
export const CHECKOUT_JS = String.raw`(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var THEME_KEY = 'tpg.theme';
  root.classList.remove('no-js');
  root.classList.add('js');

  function storedTheme() {
    try { return window.localStorage.getItem(THEME_KEY); } catch (e) { return null; }
  }
  var remembered = storedTheme();
  if (remembered === 'dark' || remembered === 'light') root.setAttribute('data-theme', remembered);

  function isDark() {
    var chosen = root.getAttribute('data-theme');
    if (chosen) return chosen === 'dark';
    return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  }

  function channel(c) {
    c = c / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  }
  (function applyAccent(hex) {
    if (!hex || !/^#[0-9a-fA-F]{6}$/.test(hex)) return;
    var l = luminance(hex);
    // the foreground with the better contrast on the accent: white or near-black
    var fg = (1.05) / (l + 0.05) >= (l + 0.05) / 0.0617 ? '#ffffff' : '#111318';
    root.style.setProperty('--accent', hex);
    root.style.setProperty('--accent-fg', fg);
  })(root.getAttribute('data-accent'));

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();

  function each(selector, fn) {
    Array.prototype.forEach.call(doc.querySelectorAll(selector), fn);
  }

  function start() {
    var toggle = doc.querySelector('[data-theme-toggle]');
    if (toggle) {
      toggle.hidden = false;
      toggle.setAttribute('aria-pressed', String(isDark()));
      toggle.addEventListener('click', function () {
        var next = isDark() ? 'light' : 'dark';
        root.setAttribute('data-theme', next);
        try { window.localStorage.setItem(THEME_KEY, next); } catch (e) { /* private mode: not remembered */ }
        toggle.setAttribute('aria-pressed', String(next === 'dark'));
      });
    }
    var main = doc.getElementById('tpg');
    if (main && main.getAttribute('data-state')) checkout(main);
  }

  function checkout(main) {
    var state = JSON.parse(main.getAttribute('data-state'));
    var text = JSON.parse(main.getAttribute('data-text'));
    var merchant = main.getAttribute('data-merchant') || '';
    var explorer = main.getAttribute('data-explorer');
    var statusUrl = main.getAttribute('data-status-url');
    var eventsUrl = main.getAttribute('data-events-url');
    var lang = root.getAttribute('lang') || 'en';
    var live = doc.getElementById('tpg-live');
    var embedded = window.parent && window.parent !== window;
    var OPEN = ['waiting', 'underpaid'];
    var SUCCESS = ['completed', 'overpaid'];
    var FINAL = ['completed', 'overpaid', 'cancelled', 'failed'];
    var TONE = { waiting: 'info', seen: 'info', confirmed: 'info', completed: 'ok', overpaid: 'ok', underpaid: 'warn',
      expired: 'bad', cancelled: 'bad', paid_late: 'warn', failed: 'bad' };
    var KEY = { paid_late: 'paidLate' };
    var AMOUNT_LABEL = { waiting: 'amountLabel', underpaid: 'dueLabel', seen: 'paidLabel', confirmed: 'paidLabel', completed: 'paidLabel',
      overpaid: 'paidLabel', paid_late: 'paidLabel', expired: 'plainAmountLabel', cancelled: 'plainAmountLabel', failed: 'plainAmountLabel' };
    var numbers;
    try { numbers = new Intl.NumberFormat(lang); } catch (e) { numbers = new Intl.NumberFormat('en'); }
    var clockOffset = 0;
    var lastNotified = '';
    var lowAnnounced = false;

    function fill(template, values) {
      return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
      });
    }
    function bound(name) { return main.querySelector('[data-bind="' + name + '"]'); }
    function setText(name, value) {
      var el = bound(name);
      if (el && el.textContent !== value) el.textContent = value;
    }
    function announce(message) {
      if (!live) return;
      live.textContent = '';
      window.setTimeout(function () { live.textContent = message; }, 50);
    }

    function toUnits(value, decimals) {
      var parts = String(value).split('.');
      var frac = (parts[1] || '').padEnd(decimals, '0').slice(0, decimals);
      return BigInt(parts[0] || '0') * BigInt(10) ** BigInt(decimals) + BigInt(frac || '0');
    }
    function fromUnits(units, decimals) {
      var s = units.toString().padStart(decimals + 1, '0');
      var whole = s.slice(0, s.length - decimals);
      var frac = decimals > 0 ? s.slice(s.length - decimals).replace(/0+$/, '') : '';
      return frac ? whole + '.' + frac : whole;
    }
    function overAmount(s) {
      if (s.amountOver) return s.amountOver;
      try {
        var over = toUnits(s.amountReceived, s.decimals) - toUnits(s.amount, s.decimals);
        return fromUnits(over > BigInt(0) ? over : BigInt(0), s.decimals);
      } catch (e) { return ''; }
    }

    function render() {
      var cs = state.checkoutStatus;
      var key = KEY[cs] || cs;
      var values = { merchant: merchant, asset: state.asset, received: state.amountReceived, due: state.amountDue,
        over: overAmount(state), x: numbers.format(state.confirmations), y: numbers.format(state.confirmationsRequired) };
      root.setAttribute('data-payment-status', state.paymentStatus);
      root.setAttribute('data-checkout-status', cs);
      main.setAttribute('data-open', String(OPEN.indexOf(cs) >= 0));
      each('[data-when]', function (el) { el.hidden = el.getAttribute('data-when').split(' ').indexOf(cs) < 0; });
      setText('amountLabel', text[AMOUNT_LABEL[cs] || 'amountLabel']);
      setText('amount', cs === 'underpaid' ? state.amountDue : state.amount);
      var box = main.querySelector('[data-status]');
      if (box) box.setAttribute('data-tone', TONE[cs] || 'info');
      setText('statusTitle', fill(text[key + 'Title'], values));
      setText('statusBody', fill(text[key + 'Body'], values));
      var extra = '';
      if (cs === 'overpaid') {
        extra = fill(state.overpaymentHandling === 'refund' ? text.overpaidRefund
          : state.overpaymentHandling === 'credit' ? text.overpaidCredit : text.overpaidContact, values);
      }
      setText('statusExtra', extra);
      setText('confirmations', fill(text.confirmations, values));
      var bar = main.querySelector('[data-bind="progress"]');
      if (bar) {
        var pct = state.confirmationsRequired > 0 ? Math.min(100, Math.round(100 * state.confirmations / state.confirmationsRequired)) : 0;
        bar.style.setProperty('--pct', pct + '%');
      }
      renderTxids();
      tick();
    }

    function renderTxids() {
      var list = bound('txids');
      if (!list) return;
      var ids = state.txids || [];
      var wrap = list.closest('[data-txids]');
      if (wrap) wrap.hidden = ids.length === 0;
      if (list.getAttribute('data-count') === String(ids.length)) return;
      list.setAttribute('data-count', String(ids.length));
      while (list.firstChild) list.removeChild(list.firstChild);
      ids.forEach(function (id) {
        var li = doc.createElement('li');
        if (explorer) {
          var a = doc.createElement('a');
          a.href = explorer.replace('{txid}', encodeURIComponent(id));
          a.rel = 'noopener noreferrer';
          a.target = '_blank';
          a.textContent = id;
          li.appendChild(a);
        } else {
          li.textContent = id;
        }
        list.appendChild(li);
      });
    }

    function pad(n) { return n < 10 ? '0' + n : String(n); }
    function tick() {
      var timer = main.querySelector('[data-timer]');
      if (!timer || !state.expiresAt) return;
      var expires = Date.parse(state.expiresAt);
      var left = Math.max(0, Math.floor((expires - (Date.now() + clockOffset)) / 1000));
      var h = Math.floor(left / 3600);
      var m = Math.floor((left % 3600) / 60);
      var s = left % 60;
      setText('countdown', left === 0 ? text.timeUp : (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s));
      if (left > 0 && left <= 60) {
        timer.setAttribute('data-low', '');
        if (!lowAnnounced && OPEN.indexOf(state.checkoutStatus) >= 0) { lowAnnounced = true; announce(text.oneMinuteLeft); }
      } else if (left > 60) {
        timer.removeAttribute('data-low');
      }
      if (left === 0 && OPEN.indexOf(state.checkoutStatus) >= 0 && !pollTimer) poll();
    }

    function notifyParent() {
      var signature = state.paymentStatus + '/' + state.checkoutStatus;
      if (signature === lastNotified) return;
      lastNotified = signature;
      if (!embedded) return;
      try {
        // target '*': the message carries nothing secret (a payment id and its status)
        window.parent.postMessage({ type: 'tpg.payment', payment_id: state.paymentId, status: state.paymentStatus,
          checkout_status: state.checkoutStatus }, '*');
      } catch (e) { /* the parent went away */ }
    }

    var redirectTimer = null;
    function maybeRedirect() {
      if (redirectTimer !== null || !state.successUrl || SUCCESS.indexOf(state.checkoutStatus) < 0) return;
      // embedded: the parent window is told and decides; the button still leaves (target _top)
      if (embedded) return;
      var configured = parseInt(main.getAttribute('data-redirect-seconds') || '5', 10);
      if (isNaN(configured)) configured = 5;
      // overpaid: twice the time, to read what happens to the extra
      var left = state.checkoutStatus === 'overpaid' ? configured * 2 : configured;
      var el = bound('redirect');
      function step() {
        if (el) { el.hidden = false; el.textContent = fill(text.redirecting, { merchant: merchant, seconds: numbers.format(left) }); }
        if (left <= 0) { window.clearInterval(redirectTimer); window.location.assign(state.successUrl); }
        left -= 1;
      }
      redirectTimer = window.setInterval(step, 1000);
      step();
    }

    var source = null;
    var pollTimer = null;
    function apply(next) {
      if (!next || typeof next !== 'object' || !next.checkoutStatus) return;
      var parsed = Date.parse(next.serverTime);
      if (!isNaN(parsed)) clockOffset = parsed - Date.now();
      state = next;
      render();
      notifyParent();
      maybeRedirect();
      if (isFinal()) stop();
    }
    // nothing more will change: the page's final states, or a payment settled for good (a late payment
    // that completed shows "paid late" but is as final as "completed")
    function isFinal() {
      return FINAL.indexOf(state.checkoutStatus) >= 0 || ['completed', 'failed', 'refunded'].indexOf(state.paymentStatus) >= 0;
    }
    function stop() {
      if (source) { source.close(); source = null; }
      if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
    }
    function poll() {
      if (!statusUrl || !window.fetch) return;
      window.fetch(statusUrl, { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(apply)
        .catch(function () { /* next tick tries again */ });
    }
    function startPolling() {
      if (pollTimer || isFinal()) return;
      pollTimer = window.setInterval(poll, 2000);
      poll();
    }
    // a broken stream (gateway restart, proxy idle timeout) falls back to polling and is tried again,
    // less and less often; once it is back, polling stops
    var reconnectMs = 5000;
    function connect() {
      if (isFinal()) return;
      if (!window.EventSource || !eventsUrl) { startPolling(); return; }
      source = new EventSource(eventsUrl);
      source.onopen = function () {
        reconnectMs = 5000;
        if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
      };
      source.addEventListener('status', function (event) {
        try { apply(JSON.parse(event.data)); } catch (e) { /* a malformed event is skipped */ }
      });
      source.onerror = function () {
        if (source) { source.close(); source = null; }
        if (isFinal()) return;
        startPolling();
        window.setTimeout(connect, reconnectMs);
        reconnectMs = Math.min(reconnectMs * 2, 60000);
      };
    }

    // copy buttons: the Clipboard API, else a selected textarea and execCommand
    function legacyCopy(value) {
      var area = doc.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      return ok;
    }
    function copy(value) {
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(value).then(function () { return true; }, function () { return legacyCopy(value); });
      }
      return Promise.resolve(legacyCopy(value));
    }
    each('[data-copy]', function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var target = doc.getElementById(button.getAttribute('data-copy'));
        if (!target) return;
        copy(target.textContent.trim()).then(function (ok) {
          announce(ok ? text.copied : text.copyFailed);
          if (ok) {
            button.classList.add('copy-done');
            window.setTimeout(function () { button.classList.remove('copy-done'); }, 1500);
          } else {
            var range = doc.createRange();
            range.selectNodeContents(target);
            var selection = window.getSelection();
            if (selection) { selection.removeAllRanges(); selection.addRange(range); }
          }
        });
      });
    });

    // Pay with wallet: only when a wallet injected tronWeb (TronLink and most TRON wallets do)
    var walletButton = main.querySelector('[data-wallet]');
    var walletMsg = bound('walletMsg');
    function injected() {
      var tw = window.tronWeb;
      if (tw && tw.transactionBuilder && tw.trx) return tw;
      var link = window.tronLink;
      if (link && link.tronWeb && link.tronWeb.transactionBuilder && link.tronWeb.trx) return link.tronWeb;
      return null;
    }
    function offerWallet() {
      if (walletButton && injected()) walletButton.hidden = false;
    }
    function walletSay(message, tone) {
      if (!walletMsg) return;
      walletMsg.hidden = !message;
      walletMsg.textContent = message;
      if (tone) walletMsg.setAttribute('data-tone', tone); else walletMsg.removeAttribute('data-tone');
      if (message) announce(message);
    }
    function describe(error) {
      if (!error) return '';
      if (typeof error === 'string') return error;
      var parts = [error.message, error.code, error.error, error.reason];
      if (typeof error.message === 'string' && /^[0-9a-f]+$/i.test(error.message) && error.message.length % 2 === 0) {
        try {
          parts.push(decodeURIComponent(error.message.replace(/(..)/g, '%$1')));
        } catch (e) { /* not hex text */ }
      }
      return parts.filter(Boolean).join(' ');
    }
    function walletError(error) {
      var detail = describe(error);
      if (/declin|reject|denied|cancel/i.test(detail)) return text.walletRejected;
      if (/balance|insufficient|not enough|sufficient|bandwith|bandwidth|energy/i.test(detail)) return fill(text.walletNoFunds, { asset: state.asset });
      if (/lock|login|account/i.test(detail)) return text.walletLocked;
      return text.walletFailed;
    }
    function payWithWallet() {
      var tw = injected();
      if (!tw) return Promise.resolve();
      var ready = Promise.resolve(tw);
      var from = tw.defaultAddress && tw.defaultAddress.base58;
      if (!from && window.tronLink && typeof window.tronLink.request === 'function') {
        ready = window.tronLink.request({ method: 'tron_requestAccounts' }).then(function () { return injected(); });
      }
      walletButton.disabled = true;
      walletSay(text.walletConfirm);
      return ready.then(function (wallet) {
        var sender = wallet && wallet.defaultAddress && wallet.defaultAddress.base58;
        if (!wallet || !sender) throw new Error('wallet locked');
        var build;
        if (state.tokenContract) {
          build = wallet.transactionBuilder.triggerSmartContract(state.tokenContract, 'transfer(address,uint256)', { feeLimit: 100000000 },
            [{ type: 'address', value: state.address }, { type: 'uint256', value: state.amountDueBaseUnits }], sender)
            .then(function (built) {
              if (!built || !built.transaction) throw built && built.result && built.result.message ? built.result : new Error('no transaction');
              return built.transaction;
            });
        } else {
          var sun = Number(state.amountDueBaseUnits);
          build = wallet.transactionBuilder.sendTrx(state.address, Number.isSafeInteger(sun) ? sun : state.amountDueBaseUnits, sender);
        }
        return build
          .then(function (tx) { return wallet.trx.sign(tx); })
          .then(function (signed) { return wallet.trx.sendRawTransaction(signed); })
          .then(function (result) {
            if (!result || (result.result !== true && !result.txid)) throw result || new Error('not broadcast');
            walletSay(text.walletSent, 'ok');
            if (!source) startPolling();
          });
      }).catch(function (error) {
        var message = walletError(error);
        // declining is the customer's choice, not an error: said plainly, not in red
        walletSay(message, message === text.walletRejected ? '' : 'bad');
      }).then(function () {
        walletButton.disabled = false;
      });
    }
    if (walletButton) {
      walletButton.addEventListener('click', payWithWallet);
      offerWallet();
      window.addEventListener('tronLink#initialized', offerWallet);
      [300, 1000, 3000].forEach(function (ms) { window.setTimeout(offerWallet, ms); });
    }

    window.setInterval(tick, 1000);
    render();
    notifyParent();
    maybeRedirect();
    connect();
  }
})();
`;
