import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { FakeClock } from '../../common/clock.js';
import { loadConfig } from '../../config/env.js';
import { SigningCertificate } from './signing-certificate.js';

describe('SigningCertificate', () => {
  const dirs: string[] = [];
  const booted = (env: Record<string, string> = {}) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-signing-'));
    dirs.push(dataDir);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SQLITE_PATH: ':memory:', ...env });
    const certificate = new SigningCertificate(config, new FakeClock(new Date('2026-12-15T07:30:00Z')));
    certificate.onModuleInit();
    return { certificate, config, signingDir: path.join(dataDir, 'signing') };
  };
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates the demo certificate on first use, not at boot, and once per DATA_DIR', () => {
    const { certificate, config, signingDir } = booted();
    expect(fs.existsSync(signingDir)).toBe(false);
    const identity = certificate.current();
    expect(identity).toMatchObject({ demo: true });
    expect(fs.readdirSync(signingDir).sort()).toEqual(['demo-signer.p12', 'demo-signer.pass']);
    expect(certificate.current()).toBe(identity);
    const again = new SigningCertificate(config, new FakeClock());
    expect(again.current()?.certificateSha256).toBe(identity?.certificateSha256);
  });

  it('leaves signing unavailable when the configured file cannot be read, without falling back to the demo', () => {
    const { certificate, signingDir } = booted({ SIGNING_P12_PATH: '/nonexistent/signer.p12' });
    expect(certificate.current()).toBeNull();
    expect(fs.existsSync(signingDir)).toBe(false);
  });
});
