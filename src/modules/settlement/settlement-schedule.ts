/** When the next scheduled settlement runs (SPEC §3.7). Pure. */
import type { SettlementFrequency } from '../../config/schema.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Next run strictly after `now`; null for `instant` (settled as each payment completes). */
export function nextSettlementAt(frequency: SettlementFrequency, timeUtc: string, weeklyDay: number, now: number): number | null {
  if (frequency === 'instant') return null;
  if (frequency === 'hourly') return now - (now % HOUR) + HOUR;
  const [hours, minutes] = timeUtc.split(':').map(Number) as [number, number];
  const startOfDay = now - (now % DAY);
  let candidate = startOfDay + hours * HOUR + minutes * 60_000;
  if (candidate <= now) candidate += DAY;
  if (frequency === 'weekly') {
    while (new Date(candidate).getUTCDay() !== weeklyDay) candidate += DAY;
  }
  return candidate;
}
