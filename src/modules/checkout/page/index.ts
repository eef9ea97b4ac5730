/**
 * What the customer's browser gets from the hosted checkout (issue 21): the pages, their static files
 * and the choice of language. The backend (src/modules/checkout) builds the CheckoutState and context,
 * sets the headers (CSP with the nonce, no-store) and calls these; nothing here reads the database.
 */
export { ASSET_PREFIX, assetBytes, registerCheckoutAssets } from './checkout-assets.js';
export { type Locale, pickLocale } from './checkout-messages.js';
export { renderCheckoutPage, renderLinkPage, renderNotFoundPage } from './checkout-render.js';
