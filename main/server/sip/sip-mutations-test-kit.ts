/** Tests only: seed SIP messages and a byte-level mutator for fuzzing (fixed seeds, repeatable). */
export const FUZZ_SEEDS = [
  'INVITE sip:12329@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-f1;rport\r\nMax-Forwards: 70\r\nFrom: "张敏" <sip:13800138000@127.0.0.1>;tag=a1\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: fuzz-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:13800138000@127.0.0.1:5061>\r\nContent-Type: application/sdp\r\nContent-Length: 30\r\n\r\nv=0\r\nm=audio 4000 RTP/AVP 0\r\n\r\n',
  'REGISTER sip:127.0.0.1 SIP/2.0\r\nv: SIP/2.0/WS x.invalid;branch=z9hG4bK-r\r\nt: <sip:1001@127.0.0.1>\r\nf: <sip:1001@127.0.0.1>;tag=r\r\ni: reg\r\nCSeq: 2 REGISTER\r\nm: <sip:a@x.invalid;transport=ws>;expires=600\r\nAuthorization: Digest username="1001", realm="12329", nonce="abc.def", uri="sip:127.0.0.1", response="00", qop=auth, nc=00000001, cnonce="c"\r\nl: 0\r\n\r\n',
  'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-x\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: r\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n',
  'BYE sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-b\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: fuzz-1@127.0.0.1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n',
];

export function mutate(seed: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(seed);
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(6)) {
    case 0:
      return bytes.subarray(0, pick(bytes.length)); // truncated
    case 1:
      for (let i = 0; i < 1 + pick(8); i++) bytes[pick(bytes.length)] = pick(256);
      return bytes; // flipped bytes
    case 2: {
      const at = pick(bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(':;<>"\\,\r\n =@'.charAt(pick(14)).repeat(1 + pick(40))), bytes.subarray(at)]);
    }
    case 3: {
      const lines = bytes.toString('latin1').split('\r\n');
      lines.splice(pick(lines.length), 1);
      return Buffer.from(lines.join('\r\n'), 'latin1');
    } // a line dropped
    case 4: {
      const lines = bytes.toString('latin1').split('\r\n');
      const i = pick(lines.length);
      lines.splice(i, 0, lines[pick(lines.length)]!);
      return Buffer.from(lines.join('\r\n'), 'latin1');
    } // a line repeated
    default:
      return Buffer.from(Array.from({ length: pick(300) }, () => pick(256))); // noise
  }
}
