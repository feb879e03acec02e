import { describe, expect, it } from 'vitest';
import { deskContentSecurityPolicy } from './csp.js';

describe('deskContentSecurityPolicy', () => {
  it('allows no inline or remote script, no plugins, no framing', () => {
    const csp = deskContentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('adds the server to connect-src only', () => {
    const csp = deskContentSecurityPolicy(['http://127.0.0.1:8329', 'ws://127.0.0.1:8329']);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8329 ws://127.0.0.1:8329");
    expect(csp.match(/127\.0\.0\.1/g)).toHaveLength(2);
  });
});
