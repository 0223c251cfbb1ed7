import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import forge from 'node-forge';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { DEMO_CERTIFICATE_LABEL, generateDemoP12, type P12Bundle } from './demo-certificate.js';

export interface SigningIdentity extends P12Bundle {
  /** "CN=…, O=…, C=VN", Vietnamese as written. */
  subject: string;
  commonName: string;
  /** SHA-256 (hex) of the certificate's DER. */
  certificateSha256: string;
  demo: boolean;
}

/** Reads a PKCS#12: the certificate that matches its key, described. Throws on a wrong passphrase or a bundle without key. */
export function describeP12(bundle: P12Bundle, demo: boolean): SigningIdentity {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(bundle.p12.toString('binary'))), false, bundle.passphrase);
  const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
  const certs = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const key = keyBag?.key;
  const cert = certs.map((b) => b.cert).find((c) => c && key && (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!key || !cert) throw new Error('the PKCS#12 holds no private key with its certificate');
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const commonName = readable(String(cert.subject.getField('CN')?.value ?? ''));
  return {
    ...bundle,
    subject: subjectText(cert.subject.attributes),
    commonName,
    certificateSha256: createHash('sha256').update(der).digest('hex'),
    demo: demo || commonName === DEMO_CERTIFICATE_LABEL,
  };
}

/** forge leaves UTF8String values as UTF-8 bytes in a binary string; other string types are already text. */
export function readable(value: string): string {
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
}

export function subjectText(attributes: Array<{ shortName?: string; name?: string; value?: unknown }>): string {
  return attributes.map((a) => `${a.shortName ?? a.name}=${readable(String(a.value))}`).join(', ');
}

/**
 * The identity that signs approved minutes: the PKCS#12 the administrator configured (SIGNING_P12_PATH and
 * SIGNING_P12_PASSPHRASE), or else a self-signed demo certificate generated into DATA_DIR/signing/ the first time
 * something is signed there (never committed, never valid in law: its subject says so). A configured file that
 * cannot be read leaves signing unavailable (SIGNING_UNAVAILABLE on approval) rather than falling back to the demo.
 */
@Injectable()
export class SigningCertificate implements OnModuleInit {
  private readonly logger = new Logger('SigningCertificate');
  /** undefined until loaded; null when signing is unavailable. */
  private identity: SigningIdentity | null | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A configured file is read at boot, so a wrong path or passphrase is in the log at once; the demo waits for its first use. */
  onModuleInit(): void {
    if (this.config.signing.p12Path) this.current();
  }

  /** The identity, or null when signing is unavailable. Generating the demo (RSA key, PKCS#12) takes most of a second: only when needed. */
  current(): SigningIdentity | null {
    if (this.identity === undefined) this.identity = this.load();
    return this.identity;
  }

  private load(): SigningIdentity | null {
    try {
      const identity = this.config.signing.p12Path ? this.configured(this.config.signing.p12Path) : this.demo();
      if (identity.demo) this.logger.warn(`Ký số bằng ${DEMO_CERTIFICATE_LABEL} (cấu hình SIGNING_P12_PATH để dùng chứng thư thật).`);
      return identity;
    } catch (error) {
      this.logger.error(`Không nạp được chứng thư số: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private configured(file: string): SigningIdentity {
    return describeP12(
      {
        p12: fs.readFileSync(file),
        passphrase: this.config.signing.passphrase,
      },
      false,
    );
  }

  private demo(): SigningIdentity {
    const dir = path.join(this.config.dataDir, 'signing');
    const p12File = path.join(dir, 'demo-signer.p12');
    const passFile = path.join(dir, 'demo-signer.pass');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.existsSync(p12File)) {
      const bundle = generateDemoP12(this.config.minutes.org, this.clock.now());
      // the passphrase first, then the bundle by an atomic rename: another node signing now sees both or neither
      const tmp = `${p12File}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, bundle.p12, { mode: 0o600 });
      try {
        fs.writeFileSync(passFile, bundle.passphrase, {
          mode: 0o600,
          flag: 'wx',
        });
        fs.renameSync(tmp, p12File);
      } catch (error) {
        fs.rmSync(tmp, { force: true });
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        waitFor(p12File);
      }
    }
    return describeP12(
      {
        p12: fs.readFileSync(p12File),
        passphrase: fs.readFileSync(passFile, 'utf8'),
      },
      true,
    );
  }
}

/** Another process is writing the demo bundle: wait (briefly, synchronously, once per process) for its rename. */
function waitFor(file: string): void {
  const until = Date.now() + 5000;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
