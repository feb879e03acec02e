/**
 * The center's usual working hours (Mon–Fri 08:30–17:30 in its zone), for the §2.4-10 sign-out
 * warning. Holidays are not subtracted: a warning on a holiday costs one click.
 */
export function isWithinWorkingHours(now: number, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  if (get('weekday') === 'Sat' || get('weekday') === 'Sun') return false;
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  return minutes >= 8 * 60 + 30 && minutes < 17 * 60 + 30;
}
