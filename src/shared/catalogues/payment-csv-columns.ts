/**
 * The columns of a payments CSV, in order: the reports API's download and the dashboard's export write
 * the same file. Each is a payments table column and a field of the API's payment (`id` is its
 * `payment_id`).
 */
export const PAYMENT_CSV_COLUMNS = [
  'id',
  'created_at',
  'status',
  'payment_method',
  'priority',
  'currency',
  'amount',
  'fee',
  'net_amount',
  'payer_address',
  'payee_address',
  'reference_id',
  'transaction_id',
  'completed_at',
] as const;
