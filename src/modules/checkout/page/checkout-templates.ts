/**
 * The page's Eta templates, as strings compiled once when the module loads (they ship inside dist/ with
 * the code). Eta escapes every `<%= %>` interpolation; the only raw outputs (`<%~ %>`) are the body
 * rendered by another template of this file and the QR code's SVG made by the qrcode library. Templates
 * only place values: the words and decisions come from the view models in checkout-render.ts.
 */
export const LAYOUT = `<!doctype html>
<html lang="<%= it.lang %>" class="no-js"<% if (it.root) { %> data-payment-status="<%= it.root.paymentStatus %>" data-checkout-status="<%= it.root.checkoutStatus %>"<% } %><% if (it.accent) { %> data-accent="<%= it.accent %>"<% } %>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title><%= it.title %></title>
<link rel="stylesheet" href="<%= it.cssUrl %>">
<script src="<%= it.jsUrl %>" nonce="<%= it.nonce %>"></script>
</head>
<body>
<div class="shell">
<header class="topbar">
<div class="brand"><% if (it.logoUrl) { %><img class="brand-logo" src="<%= it.logoUrl %>" alt="" width="32" height="32"><% } else { %><span class="brand-mark" aria-hidden="true"><%= it.initial %></span><% } %><span class="brand-name"><%= it.merchant %></span></div>
<div class="tools">
<nav class="langs" aria-label="<%= it.t.language %>"><% it.languages.forEach(function (l) { %><a href="<%= l.href %>" hreflang="<%= l.code %>" lang="<%= l.code %>"<% if (l.current) { %> aria-current="true"<% } %>><%= l.name %></a><% }) %></nav>
<button type="button" class="icon-btn theme-toggle" data-theme-toggle aria-pressed="false" hidden><span class="visually-hidden"><%= it.t.darkTheme %></span><svg class="i-moon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/></svg><svg class="i-sun" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="12" cy="12" r="4"/><path d="M12 2v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4m11.4-11.4 1.4-1.4"/></svg></button>
</div>
</header>
<%~ it.body %>
<footer class="foot"><p><%= it.t.footer %></p></footer>
</div>
</body>
</html>
`;

const COPY_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h10"/></svg>';

export const CHECKOUT = `<main id="tpg" class="checkout" data-open="<%= it.open %>" data-state="<%= it.stateJson %>" data-text="<%= it.textJson %>" data-merchant="<%= it.merchant %>" data-status-url="<%= it.statusUrl %>" data-events-url="<%= it.eventsUrl %>" data-redirect-seconds="<%= it.redirectSeconds %>"<% if (it.explorer) { %> data-explorer="<%= it.explorer %>"<% } %>>
<section class="card summary" aria-labelledby="tpg-title">
<h1 id="tpg-title" class="eyebrow"><%= it.heading %></h1>
<% if (it.description) { %><p class="description"><%= it.description %></p><% } %>
<div class="amount-block">
<p class="amount-label" id="tpg-amount-label" data-bind="amountLabel"><%= it.amountLabel %></p>
<p class="amount"><span class="amount-value" id="tpg-amount" data-bind="amount"><%= it.amount %></span> <span class="amount-asset"><%= it.asset %></span><button type="button" class="icon-btn" data-copy="tpg-amount" data-when="waiting underpaid" aria-label="<%= it.t.copyAmount %>" hidden>${COPY_ICON}</button></p>
<p class="network-line"><span class="chip"><%= it.assetOnNetwork %></span></p>
</div>
<div class="status" data-status data-tone="<%= it.tone %>" role="status" aria-atomic="true">
<h2 class="status-title" data-bind="statusTitle"><%= it.statusTitle %></h2>
<p class="status-body" data-bind="statusBody"><%= it.statusBody %></p>
<p class="status-extra" data-bind="statusExtra"><%= it.statusExtra %></p>
<div class="progress" data-when="seen confirmed"<% if (!it.shows('seen confirmed')) { %> hidden<% } %>><div class="progress-bar" aria-hidden="true"><span data-bind="progress"></span></div><span data-bind="confirmations"><%= it.confirmations %></span></div>
</div>
<p class="redirect" data-bind="redirect" hidden></p>
<div id="tpg-live" class="visually-hidden" role="status" aria-live="polite"></div>
<% if (it.expiresAt) { %><p class="timer" data-timer data-when="waiting underpaid"<% if (!it.shows('waiting underpaid')) { %> hidden<% } %>><span class="timer-label"><%= it.t.timeLeft %></span> <span class="timer-value" role="timer" data-bind="countdown"><%= it.timeLeftText %></span></p><% } %>
<noscript><p class="hint"><a href="<%= it.refreshUrl %>"><%= it.t.refresh %></a></p></noscript>
</section>
<section class="card pay" aria-labelledby="tpg-address-label" data-when="waiting underpaid"<% if (!it.shows('waiting underpaid')) { %> hidden<% } %>>
<figure class="qr"><div class="qr-img" role="img" aria-label="<%= it.t.qrLabel %>" data-qr><%~ it.qrSvg %></div><figcaption><%= it.t.scanHint %></figcaption></figure>
<div class="address-box">
<h2 class="address-label" id="tpg-address-label"><%= it.t.addressLabel %></h2>
<div class="address-row"><p class="address" id="tpg-address" translate="no"><%= it.address %></p><button type="button" class="icon-btn" data-copy="tpg-address" aria-label="<%= it.t.copyAddress %>" hidden>${COPY_ICON}</button></div>
</div>
<button type="button" class="btn btn-primary" data-wallet hidden><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M3 7a2 2 0 0 1 2-2h13v4"/><path d="M3 7v11a2 2 0 0 0 2 2h15V9H5a2 2 0 0 1-2-2z"/><circle cx="16" cy="14.5" r="1.2"/></svg><%= it.t.payWithWallet %></button>
<p class="wallet-msg" data-bind="walletMsg" hidden></p>
<p class="warning"><%= it.networkWarning %></p>
</section>
<div class="actions">
<% if (it.successUrl) { %><a class="btn btn-primary" href="<%= it.successUrl %>" target="_top" data-when="completed overpaid"<% if (!it.shows('completed overpaid')) { %> hidden<% } %>><%= it.returnNow %></a><% } %>
<% if (it.restartUrl) { %><a class="btn btn-primary" href="<%= it.restartUrl %>" target="_top" data-when="expired"<% if (!it.shows('expired')) { %> hidden<% } %>><%= it.t.startAgain %></a><% } %>
<% if (it.cancelUrl) { %><a class="btn" href="<%= it.cancelUrl %>" target="_top" data-when="expired cancelled failed paid_late"<% if (!it.shows('expired cancelled failed paid_late')) { %> hidden<% } %>><%= it.backTo %></a><% } %>
<form method="post" action="<%= it.cancelAction %>" data-when="waiting"<% if (!it.shows('waiting')) { %> hidden<% } %>><button type="submit" class="btn btn-quiet"><%= it.cancelLabel %></button></form>
</div>
<div class="meta">
<% if (it.customerEmail) { %><p><%= it.receiptTo %></p><% } %>
<div data-txids<% if (it.txids.length === 0) { %> hidden<% } %>><p><%= it.t.transactions %></p><ul class="txids" data-bind="txids" data-count="<%= it.txids.length %>"><% it.txids.forEach(function (tx) { %><li><% if (tx.href) { %><a href="<%= tx.href %>" rel="noopener noreferrer" target="_blank"><%= tx.id %></a><% } else { %><%= tx.id %><% } %></li><% }) %></ul></div>
<% if (it.supportEmail) { %><p><%= it.t.help %> <a href="<%= it.supportHref %>"><%= it.supportEmail %></a></p><% } %>
</div>
</main>
`;

export const LINK = `<main class="single">
<section class="card" aria-labelledby="tpg-title">
<h1 id="tpg-title" class="eyebrow"><%= it.heading %></h1>
<p class="description"><%= it.description %></p>
<form method="post" action="<%= it.action %>" novalidate>
<% if (it.amount) { %>
<div class="amount-block"><p class="amount-label"><%= it.t.linkFixedAmount %></p><p class="amount"><span class="amount-value"><%= it.amount %></span> <span class="amount-asset"><%= it.asset %></span></p></div>
<% } else { %>
<div class="field">
<label for="tpg-amount-input"><%= it.amountLabel %></label>
<input id="tpg-amount-input" name="amount" type="text" inputmode="decimal" autocomplete="off" required value="<%= it.value %>" aria-describedby="tpg-amount-hint<% if (it.error) { %> tpg-amount-error<% } %>"<% if (it.error) { %> aria-invalid="true"<% } %>>
<p class="hint" id="tpg-amount-hint"><%= it.hint %></p>
</div>
<% } %>
<% if (it.error) { %><p class="error" id="tpg-amount-error" role="alert"><%= it.error %></p><% } %>
<button type="submit" class="btn btn-primary"><%= it.t.linkContinue %></button>
</form>
</section>
</main>
`;

export const NOT_FOUND = `<main class="single">
<section class="card" aria-labelledby="tpg-title">
<h1 id="tpg-title" class="status-title"><%= it.t.notFoundTitle %></h1>
<p class="status-body"><%= it.t.notFoundBody %></p>
</section>
</main>
`;
