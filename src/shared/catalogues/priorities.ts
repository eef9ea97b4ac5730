/**
 * The payment priorities, in one place: the API and config enums, the config defaults of each priority's
 * policy and the order in which its payouts and refunds are sent all come from here.
 *
 * Adding a priority: a name in PRIORITIES and its entry in PRIORITY_CATALOGUE (the compiler asks for
 * it), then its block under payment_processing.priorities in config/payment-gateway-config.yaml (the
 * shipped file writes out every key).
 */

/** From the cheapest and slowest to the dearest and fastest: the order of the API and config enums. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface PriorityEntry {
  /**
   * Queue rank of the priority's payout and refund sends (jobs and chain sends, stored as a number):
   * 0 is taken first. Settlement sends rank 2, behind urgent and high payouts.
   */
  queueRank: number;
  /** defaults of payment_processing.priorities.<priority> */
  defaults: {
    /** decimal fraction: "0.0015" = 0.15 % */
    feeRate: string;
    /** target processing time, quoted as estimated_processing_seconds */
    processingTimeSeconds: number;
    /** retries for transient failures */
    maxRetries: number;
    /** blocks on top before a collection is confirmed */
    confirmations: number;
  };
}

export const PRIORITY_CATALOGUE: Readonly<Record<Priority, PriorityEntry>> = {
  low: { queueRank: 3, defaults: { feeRate: '0.001', processingTimeSeconds: 120, maxRetries: 3, confirmations: 1 } },
  normal: { queueRank: 2, defaults: { feeRate: '0.0015', processingTimeSeconds: 60, maxRetries: 5, confirmations: 1 } },
  high: { queueRank: 1, defaults: { feeRate: '0.002', processingTimeSeconds: 30, maxRetries: 5, confirmations: 1 } },
  urgent: { queueRank: 0, defaults: { feeRate: '0.003', processingTimeSeconds: 10, maxRetries: 7, confirmations: 1 } },
};

/** The queue rank of a payout or refund send of this priority; 0 goes first. */
export function queueRank(priority: Priority): number {
  return PRIORITY_CATALOGUE[priority].queueRank;
}
