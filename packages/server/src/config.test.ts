import { describe, expect, it } from 'vitest';
import { configFromEnv, trustProxyOf } from './config.js';

describe('configuration', () => {
  it('marks the session cookie Secure when served over https, unless QUYCHE_COOKIE_SECURE says otherwise', () => {
    expect(configFromEnv({}).secureCookie).toBe(false);
    expect(configFromEnv({ QUYCHE_BASE_URL: 'https://quyche.tinhuy.example' }).secureCookie).toBe(true);
    expect(
      configFromEnv({ QUYCHE_BASE_URL: 'https://quyche.tinhuy.example', QUYCHE_COOKIE_SECURE: 'false' }).secureCookie,
    ).toBe(false);
    expect(configFromEnv({ QUYCHE_COOKIE_SECURE: 'true' }).secureCookie).toBe(true);
  });

  it('trusts no proxy by default; QUYCHE_TRUST_PROXY names them (or true)', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(trustProxyOf('off')).toBe(false);
    expect(trustProxyOf('true')).toBe(true);
    expect(trustProxyOf(' 127.0.0.1, 10.0.0.0/8 ')).toBe('127.0.0.1, 10.0.0.0/8');
  });
});
