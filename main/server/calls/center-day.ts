/** The local calendar day of `ms` in the center's zone, and the instants it starts and ends. */
export function centerDay(ms: number, timeZone: string): { day: string; from: number; to: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  // The zone's offset at this instant: its wall clock read as UTC, minus the instant.
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = wall - Math.floor(ms / 1000) * 1000;
  const from = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) - offset;
  return { day, from, to: from + 86_400_000 };
}
