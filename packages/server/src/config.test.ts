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

  it('links to where the server listens unless QUYCHE_BASE_URL says otherwise, --host and --port included', () => {
    expect(configFromEnv({}).baseUrl).toBe('http://127.0.0.1:3000');
    expect(configFromEnv({ PORT: '8080' }).baseUrl).toBe('http://127.0.0.1:8080');
    expect(configFromEnv({ PORT: '8080' }, { port: 3100, host: '0.0.0.0' }).baseUrl).toBe('http://0.0.0.0:3100');
    expect(configFromEnv({ QUYCHE_BASE_URL: 'https://quyche.tinhuy.example' }, { port: 3100 }).baseUrl).toBe(
      'https://quyche.tinhuy.example',
    );
  });

  it('trusts no proxy by default; QUYCHE_TRUST_PROXY names them (or true)', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(trustProxyOf('off')).toBe(false);
    expect(trustProxyOf('true')).toBe(true);
    expect(trustProxyOf(' 127.0.0.1, 10.0.0.0/8 ')).toBe('127.0.0.1, 10.0.0.0/8');
  });
});
