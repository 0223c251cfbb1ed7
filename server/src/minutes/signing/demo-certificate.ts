import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** What every demo certificate says of itself, in its subject and in the visible signature block. */
export const DEMO_CERTIFICATE_LABEL = 'CHỨNG THƯ SỐ THỬ NGHIỆM – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

export interface P12Bundle {
  p12: Buffer;
  passphrase: string;
}

/** A UTF8String attribute (forge encodes it): the default PrintableString cannot carry Vietnamese. */
const utf8 = (shortName: string, value: string) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number });

/**
 * A self-signed certificate and key as PKCS#12, for installations without a real one: the subject's CN is the demo
 * label, so every signature made with it says what it is. The key is made by Node (fast, native); node-forge builds
 * the X.509 certificate and the PKCS#12 that @signpdf/signer-p12 reads.
 */
export function generateDemoP12(organisation: string, now: Date): P12Bundle {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // positive serial: the first byte below 0x80
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
  const subject = [utf8('CN', DEMO_CERTIFICATE_LABEL), utf8('O', organisation), { shortName: 'C', value: 'VN' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, {
    algorithm: '3des',
    friendlyName: 'phonghop-demo',
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'),
    passphrase,
  };
}
