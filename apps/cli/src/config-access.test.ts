import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config.js';

describe('TRUST_PROXY and CHITIEU_TOKEN_MAX_DAYS', () => {
  it('reads the proxy setting as off, on, a hop count or the proxies’ addresses', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1')).toBe('10.0.0.1,192.168.0.0/16,::1');
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', '-1', 'proxy.local', '10.0.0.1/8/1']) {
      expect(parseTrustProxy(bad), bad).toBeNull();
    }
  });

  it('takes both from the environment, and refuses bad values on one line in the chosen language', () => {
    expect(loadConfig({ TRUST_PROXY: '1', CHITIEU_TOKEN_MAX_DAYS: '90' }, '/')).toMatchObject({
      ok: true,
      config: { trustProxy: 1, tokenMaxDays: 90 },
    });
    expect(loadConfig({ TRUST_PROXY: 'có', CHITIEU_TOKEN_MAX_DAYS: '0', CHITIEU_LANG: 'en' })).toEqual({
      ok: false,
      lang: 'en',
      message:
        'TRUST_PROXY="có" is not valid: must be false, true, the number of trusted proxies (1, 2…) or the proxies’ IP addresses/CIDR ranges, comma-separated; CHITIEU_TOKEN_MAX_DAYS="0" is not valid: must be a whole number of days from 1 to 3650',
    });
    expect(loadConfig({ CHITIEU_TOKEN_MAX_DAYS: '3651' })).toMatchObject({ ok: false });
  });
});
