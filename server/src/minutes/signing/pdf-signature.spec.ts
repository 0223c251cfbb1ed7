import { describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { DEMO_CERTIFICATE_LABEL, generateDemoP12 } from './demo-certificate.js';
import { addSignaturePlaceholder, signPdf, verifyPdfSignature } from './pdf-signature.js';
import { describeP12 } from './signing-certificate.js';

const NOW = new Date('2026-12-15T07:30:00Z');

function unsignedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: NOW } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.text('Minutes', 72, 72);
  addSignaturePlaceholder(doc, {
    reason: 'Duyệt biên bản',
    name: 'Trần Văn Minh',
    location: 'Phụng Hiệp',
    contactInfo: 'Chủ tịch',
    signingTime: NOW,
    widgetRect: [300, 100, 500, 160],
  });
  doc.end();
  return done;
}

describe('PDF signatures', () => {
  const identity = describeP12(generateDemoP12('ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP', NOW), true);

  it('generates a demo certificate that says what it is, in Vietnamese', () => {
    expect(identity.commonName).toBe(DEMO_CERTIFICATE_LABEL);
    expect(identity.subject).toBe(`CN=${DEMO_CERTIFICATE_LABEL}, O=ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP, C=VN`);
    expect(identity.demo).toBe(true);
    expect(() => describeP12({ p12: identity.p12, passphrase: 'wrong' }, false)).toThrow();
  });

  it('signs a PDF that then verifies against its embedded certificate', async () => {
    const signed = await signPdf(await unsignedPdf(), identity, NOW);
    const check = verifyPdfSignature(signed);
    expect(check).toMatchObject({
      valid: true,
      coversWholeFile: true,
      digestMatches: true,
      signatureMatches: true,
      signerCommonName: DEMO_CERTIFICATE_LABEL,
      problem: null,
    });
    expect(check.signingTime?.toISOString()).toBe(NOW.toISOString());
    expect(check.certificateSha256).toBe(identity.certificateSha256);
  });

  it('fails once any one byte is flipped: in the content, in the signature, in its padding', async () => {
    const signed = await signPdf(await unsignedPdf(), identity, NOW);
    const text = signed.toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    const padding = text.indexOf('0000000000', contents + 100);
    const at = [Math.floor(contents / 2), contents + 40, padding, signed.length - 10];
    for (const i of at) {
      const copy = Buffer.from(signed);
      copy[i] = copy[i] === 0x30 ? 0x31 : copy[i] ^ 0x01;
      expect({ i, valid: verifyPdfSignature(copy).valid }).toEqual({ i, valid: false });
    }
  });

  it('refuses a file without a signature', async () => {
    expect(verifyPdfSignature(await unsignedPdf())).toMatchObject({ valid: false });
    expect(verifyPdfSignature(Buffer.from('%PDF-1.7\n%%EOF'))).toMatchObject({ valid: false, problem: 'Tệp không có chữ ký số.' });
  });
});
