/** A 503 for any SIP request, echoing the headers RFC 3261 §8.2.6.2 says a response copies. */
export function unavailableReply(message: string): string | undefined {
  const [startLine, ...lines] = message.split('\r\n');
  if (!startLine || startLine.startsWith('SIP/2.0') || /^ACK /.test(startLine)) return undefined;
  const copied = lines.filter((l) => /^(via|v|from|f|to|t|call-id|i|cseq):/i.test(l));
  return ['SIP/2.0 503 Service Unavailable', ...copied, 'Retry-After: 30', 'Content-Length: 0', '', ''].join('\r\n');
}
