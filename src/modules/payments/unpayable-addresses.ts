/**
 * Addresses no payment may be paid to (issue 17). Whatever reaches the zero address or a token contract
 * is lost for good, so a payee there is refused for every method (a collection is paid out to its payee
 * by settlement). Payouts also may not go to the gateway's own addresses — the hot wallet (payment-draft)
 * and the deposit addresses (checked by the payments service with one query per request).
 */
import { checkBase58Address } from '../../tron/address.js';

/** Base58 of 0x41 followed by twenty zero bytes. */
export const ZERO_ADDRESS = 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb';

export const DEPOSIT_ADDRESS_REFUSAL = 'is a deposit address of this gateway: a payout must go to an address outside it';

/**
 * The static part: the zero address and every configured token contract, each with the message a payee
 * there gets.
 */
export function unpayableAddresses(tokenContracts: readonly string[]): ReadonlyMap<string, string> {
  const unpayable = new Map<string, string>([[ZERO_ADDRESS, 'is the zero address: whatever is sent there is burned']]);
  for (const contract of tokenContracts) {
    const check = checkBase58Address(contract);
    if (check.ok) unpayable.set(check.base58, 'is a token contract: tokens sent to a contract are lost');
  }
  return unpayable;
}
