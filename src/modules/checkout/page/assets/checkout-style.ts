/**
 * The checkout page's one stylesheet, kept in a TypeScript module so that it ships inside dist/ with the
 * compiled code (the image carries no src/ folder) and reaches the browser under a content-hashed URL.
 * Mobile first (390 px), a two-column card from 860 px; light and dark from prefers-color-scheme or the
 * page's toggle (`html[data-theme]`); the merchant's accent arrives as `--accent` / `--accent-fg`, set by
 * the script through the CSSOM (the CSP allows no inline style).
 */
export const CHECKOUT_CSS = `
:root{
  --bg:#f3f4f6;--card:#ffffff;--text:#15171c;--muted:#545b68;--line:#dfe3e8;--soft:#f6f7f9;
  --accent:#2f56d9;--accent-fg:#ffffff;--link:#2246b8;--focus:#15171c;
  --ok:#0c7a43;--ok-bg:#e7f6ee;--warn:#8a5300;--warn-bg:#fdf3e1;--bad:#b3261e;--bad-bg:#fdecea;--info:#2246b8;--info-bg:#eaf0fd;
  --radius:16px;--shadow:0 1px 2px rgba(16,24,40,.06),0 8px 24px rgba(16,24,40,.08);
  --mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
  color-scheme:light;
}
@media (prefers-color-scheme:dark){
  :root:not([data-theme=light]){
    --bg:#0e1014;--card:#171a20;--text:#eef0f4;--muted:#a8afbb;--line:#2b303a;--soft:#1e222a;
    --link:#9db5ff;--focus:#eef0f4;
    --ok:#5fd49a;--ok-bg:#12301f;--warn:#f2c063;--warn-bg:#33270f;--bad:#ff8f86;--bad-bg:#3a1714;--info:#9db5ff;--info-bg:#18213a;
    --shadow:0 1px 2px rgba(0,0,0,.4),0 8px 24px rgba(0,0,0,.35);color-scheme:dark;
  }
}
:root[data-theme=dark]{
  --bg:#0e1014;--card:#171a20;--text:#eef0f4;--muted:#a8afbb;--line:#2b303a;--soft:#1e222a;
  --link:#9db5ff;--focus:#eef0f4;
  --ok:#5fd49a;--ok-bg:#12301f;--warn:#f2c063;--warn-bg:#33270f;--bad:#ff8f86;--bad-bg:#3a1714;--info:#9db5ff;--info-bg:#18213a;
  --shadow:0 1px 2px rgba(0,0,0,.4),0 8px 24px rgba(0,0,0,.35);color-scheme:dark;
}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif}
a{color:var(--link);text-underline-offset:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:6px}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.shell{max-width:920px;margin:0 auto;padding:12px 16px 32px}
.topbar{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:4px 0 14px;flex-wrap:wrap}
.brand{display:flex;align-items:center;gap:10px;min-width:0;font-weight:650;font-size:1.05rem}
.brand-mark{width:32px;height:32px;border-radius:9px;background:var(--accent);color:var(--accent-fg);display:grid;place-items:center;font-weight:700;flex:none}
.brand-logo{width:32px;height:32px;object-fit:contain;border-radius:8px;flex:none}
.brand-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tools{display:flex;align-items:center;gap:6px}
.langs{display:flex;gap:2px;font-size:.875rem}
.langs a{padding:6px 8px;border-radius:8px;text-decoration:none;color:var(--muted)}
.langs a:hover{color:var(--text);background:var(--soft)}
.langs a[aria-current]{color:var(--text);font-weight:600;background:var(--card);box-shadow:inset 0 0 0 1px var(--line)}
.icon-btn{display:inline-grid;place-items:center;width:36px;height:36px;border-radius:10px;border:1px solid var(--line);background:var(--card);color:var(--text);cursor:pointer;padding:0}
.icon-btn:hover{background:var(--soft)}
.icon-btn svg{width:18px;height:18px}
.theme-toggle[aria-pressed=true] .i-moon,.theme-toggle[aria-pressed=false] .i-sun{display:none}
.checkout{display:grid;gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);box-shadow:var(--shadow);padding:20px}
.card::before{content:"";display:block;height:4px;margin:-20px -20px 16px;border-radius:var(--radius) var(--radius) 0 0;background:var(--accent)}
.pay::before{display:none}
h1,h2{margin:0}
.eyebrow{font-size:.95rem;font-weight:600;color:var(--muted)}
.description{margin:4px 0 0;color:var(--muted);font-size:.95rem;overflow-wrap:anywhere}
.amount-block{margin:14px 0 12px}
.amount-label{margin:0;font-size:.8rem;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);font-weight:600}
.amount{margin:2px 0 8px;display:flex;align-items:baseline;flex-wrap:wrap;gap:6px 10px}
.amount-value{font-size:2.4rem;line-height:1.1;font-weight:700;letter-spacing:-.02em;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.amount-asset{font-size:1.25rem;font-weight:650}
.amount .icon-btn{align-self:center}
.chip{display:inline-flex;align-items:center;gap:6px;padding:3px 10px;border-radius:999px;background:var(--soft);border:1px solid var(--line);font-size:.85rem;font-weight:550}
.chip::before{content:"";width:8px;height:8px;border-radius:50%;background:#eb0029}
.status{border-radius:12px;padding:12px 14px 12px 44px;position:relative;background:var(--info-bg);margin:16px 0 0}
.status::before{content:"";position:absolute;left:16px;top:17px;width:14px;height:14px;border-radius:50%;background:var(--info)}
.status-title{font-size:1.05rem;font-weight:650;color:var(--text)}
.status-body,.status-extra{margin:2px 0 0;color:var(--text);font-size:.95rem}
.status[data-tone=ok]{background:var(--ok-bg)}.status[data-tone=ok]::before{background:var(--ok)}
.status[data-tone=warn]{background:var(--warn-bg)}.status[data-tone=warn]::before{background:var(--warn)}
.status[data-tone=bad]{background:var(--bad-bg)}.status[data-tone=bad]::before{background:var(--bad)}
.status[data-tone=info]::before{animation:pulse 1.6s ease-in-out infinite}
@keyframes pulse{0%,100%{transform:scale(1);opacity:1}50%{transform:scale(.7);opacity:.55}}
@media (prefers-reduced-motion:reduce){.status::before{animation:none!important}}
.progress{display:flex;align-items:center;gap:10px;margin-top:8px;font-size:.9rem;font-variant-numeric:tabular-nums}
.progress-bar{flex:1;height:8px;border-radius:99px;background:var(--card);overflow:hidden;border:1px solid var(--line)}
.progress-bar span{display:block;height:100%;width:var(--pct,0%);background:var(--info);border-radius:99px;transition:width .4s}
.no-js .progress-bar{display:none}
.timer{display:flex;align-items:center;justify-content:space-between;gap:8px;margin:12px 0 0;padding:10px 14px;border-radius:12px;background:var(--soft);font-size:.95rem}
.timer-label{color:var(--muted)}
.timer-value{font-weight:650;font-variant-numeric:tabular-nums}
.timer[data-low]{background:var(--warn-bg)}
.actions{display:flex;flex-direction:column;gap:10px}
.actions:not(:has(> :not([hidden]))){display:none}
.actions form{margin:0}
.btn{display:flex;align-items:center;justify-content:center;gap:8px;width:100%;min-height:48px;padding:10px 18px;border-radius:12px;border:1px solid var(--line);background:var(--card);color:var(--text);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn:hover{background:var(--soft)}
.btn-primary{background:var(--accent);color:var(--accent-fg);border-color:transparent}
.btn-primary:hover{background:var(--accent);filter:brightness(1.08)}
.btn-quiet{border-color:transparent;background:transparent;color:var(--muted);min-height:44px;font-weight:550}
.btn-quiet:hover{color:var(--text)}
.btn svg{width:18px;height:18px;flex:none}
.summary .hint{margin:12px 0 0}
.redirect{margin:10px 0 0;font-size:.9rem;color:var(--muted)}
.pay{display:grid;gap:14px;justify-items:center;text-align:center}
.qr{margin:0;display:grid;gap:8px;justify-items:center}
.qr-img{width:min(232px,70vw);aspect-ratio:1;background:#fff;border-radius:12px;padding:6px;border:1px solid var(--line)}
.qr-img svg{display:block;width:100%;height:100%}
.qr figcaption{font-size:.85rem;color:var(--muted)}
.address-box{width:100%;text-align:left}
.address-label{display:block;margin:0 0 6px;font-size:.8rem;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);font-weight:600}
.address-row{display:flex;gap:8px;align-items:stretch}
.address{flex:1;margin:0;padding:10px 12px;border-radius:12px;background:var(--soft);border:1px solid var(--line);font:500 .98rem/1.45 var(--mono);overflow-wrap:anywhere;word-break:break-all;user-select:all}
.address-row .icon-btn{height:auto;min-height:44px;width:48px}
.wallet-msg{margin:0;font-size:.92rem;width:100%;text-align:left}
.wallet-msg[data-tone=bad]{color:var(--bad)}
.warning{margin:0;font-size:.85rem;color:var(--muted);text-align:left;width:100%;padding-left:12px;border-left:3px solid var(--warn)}
.meta{margin:0;padding:0 4px;display:grid;gap:6px;font-size:.9rem;color:var(--muted)}
.meta p{margin:0}
.txids{margin:0;padding:0;list-style:none;font:.82rem/1.5 var(--mono);overflow-wrap:anywhere}
.foot{margin-top:28px;text-align:center;font-size:.8rem;color:var(--muted)}
.field{display:grid;gap:6px;text-align:left;margin:16px 0}
.field label{font-weight:600}
.field input{font:inherit;font-size:1.25rem;padding:10px 12px;border-radius:12px;border:1px solid var(--muted);background:var(--card);color:var(--text);width:100%}
.hint{margin:0;color:var(--muted);font-size:.9rem}
.error{margin:0;color:var(--bad);font-weight:550}
.single{max-width:480px;margin:0 auto}
.copy-done{color:var(--ok)}
@media (min-width:860px){
  .shell{padding:28px 24px 40px}
  .checkout{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);grid-template-areas:"summary pay" "actions pay" "meta meta";align-items:start;gap:20px}
  .summary{grid-area:summary}.pay{grid-area:pay}.actions{grid-area:actions}.meta{grid-area:meta}
  .card{padding:28px}
  .card::before{margin:-28px -28px 22px}
  .amount-value{font-size:2.9rem}
  .qr-img{width:248px}
  .checkout[data-open=false]{grid-template-columns:minmax(0,560px);grid-template-areas:"summary" "actions" "meta";justify-content:center}
}
`;
