/**
 * Digits carried in SIP INFO: application/dtmf-relay ("Signal=5\r\nDuration=160") or
 * application/dtmf ("5"). Anything else is not a digit and is ignored.
 */
export function digitFromSipInfo(contentType: string, body: string): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  let raw: string | undefined;
  if (type === 'application/dtmf-relay') raw = /^\s*signal\s*=\s*(\S+)/im.exec(body)?.[1];
  else if (type === 'application/dtmf') raw = body.trim();
  if (!raw) return undefined;
  // Some phones send event numbers: 10 = *, 11 = #.
  const digit = raw === '10' ? '*' : raw === '11' ? '#' : raw.toUpperCase();
  return /^[0-9*#A-D]$/.test(digit) ? digit : undefined;
}
