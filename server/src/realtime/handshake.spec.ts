import { describe, expect, it } from '@jest/globals';
import { isOriginAllowed } from './handshake.js';

describe('isOriginAllowed', () => {
  it('allows the server’s own origin', () => {
    expect(isOriginAllowed({ origin: 'http://localhost:3000', host: 'localhost:3000' }, [])).toBe(true);
  });
  it('refuses a foreign origin', () => {
    expect(isOriginAllowed({ origin: 'https://evil.example', host: 'localhost:3000' }, [])).toBe(false);
  });
  it('refuses the same host on another port', () => {
    expect(isOriginAllowed({ origin: 'http://localhost:4000', host: 'localhost:3000' }, [])).toBe(false);
  });
  it('allows a configured origin', () => {
    expect(isOriginAllowed({ origin: 'https://phonghop.gov.vn', host: '10.0.0.5:3000' }, ['https://phonghop.gov.vn'])).toBe(true);
  });
  it('refuses a malformed origin', () => {
    expect(isOriginAllowed({ origin: 'null', host: 'localhost:3000' }, [])).toBe(false);
  });
  it('allows clients that send no origin (not browsers); they still need a session', () => {
    expect(isOriginAllowed({ host: 'localhost:3000' }, [])).toBe(true);
  });
});
