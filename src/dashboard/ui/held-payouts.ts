/**
 * Payouts held for approval. The API has no filter for the approval state, so this pages through the
 * pending payments (newest first) and keeps the held ones, up to a few pages: `more` says when there
 * may be further ones beyond what was read.
 */
import { dataOf } from './api.js';
import { api } from './session.js';

const PAGE = 100;
const MAX_PAGES = 5;

export async function heldPayouts() {
  const held = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = dataOf(
      await api.GET('/api/v1/payments', {
        params: { query: { status: 'pending', limit: PAGE, ...(cursor ? { starting_after: cursor } : {}) } },
      }),
    );
    held.push(...data.data.filter((p) => p.approval_status === 'required'));
    if (!data.has_more || data.next_cursor === null) return { payouts: held, more: false };
    cursor = data.next_cursor;
  }
  return { payouts: held, more: true };
}
