/**
 * Today's date (UTC) for a new trust. The page reads the clock here and passes the date in, so the generator
 * itself never does (architecture: time is an input).
 */
export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
