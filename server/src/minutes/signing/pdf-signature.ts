import { createHash, verify as verifySignature } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { readable, type SigningIdentity, subjectText } from './signing-certificate.js';

/**
 * PAdES-style signing of the minutes' PDF (ISO 32000 signature field, CMS detached over the ByteRange) and its
 * verification. The placeholder is written while pdfkit builds the file (as @signpdf/placeholder-pdfkit does, but
 * for the current pdfkit: that package pins pdfkit 0.11); @signpdf then computes the ByteRange and writes the CMS
 * made by its P12 signer (SHA-256, signing time as a signed attribute).
 */

/** Room for the CMS (hex doubles it): a 2048/4096-bit RSA signature with one certificate fits in 8 KiB. */
export const SIGNATURE_BYTES = 8192;

interface PdfKitInternals {
  ref(data: Record<string, unknown>): { end(): void };
  initForm(): void;
  _acroform?: unknown;
  _root: { data: { AcroForm: { data: { Fields: unknown[]; DR?: unknown } } } };
  page: { dictionary: unknown; annotations: unknown[] };
}

export interface PlaceholderOptions {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** [x1, y1, x2, y2] in PDF points (origin at the bottom left) on the current page. */
  widgetRect: [number, number, number, number];
}

/** Adds the signature dictionary, its form field and widget to the document's current page. */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, o: PlaceholderOptions): void {
  const pdf = doc as unknown as PdfKitInternals;
  const text = (s: string) => new String(s); // pdfkit writes String objects as PDF strings, plain strings as names
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: text(o.reason),
    M: o.signingTime,
    ContactInfo: text(o.contactInfo),
    Name: text(o.name),
    Location: text(o.location),
    Prop_Build: {
      Filter: { Name: 'Adobe.PPKLite' },
      App: { Name: 'PhongHopKhongGiay' },
    },
  });
  if (!pdf._acroform) pdf.initForm();
  const form = pdf._root.data.AcroForm;
  form.data = {
    Type: 'AcroForm',
    SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY,
    Fields: form.data.Fields,
    DR: form.data.DR,
  } as typeof form.data;
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 4, // printed
    Rect: o.widgetRect,
    V: signature,
    T: text(`ChuKySo${form.data.Fields.length + 1}`),
    P: pdf.page.dictionary,
  });
  pdf.page.annotations.push(widget);
  form.data.Fields.push(widget);
  signature.end();
  widget.end();
}

/** Writes the CMS signature into a PDF that has a placeholder. */
export function signPdf(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new P12Signer(identity.p12, { passphrase: identity.passphrase }), signingTime);
}

export interface SignatureCheck {
  valid: boolean;
  /** The ByteRange starts at 0 and ends at the end of the file, leaving out only the signature's hex string. */
  coversWholeFile: boolean;
  /** The SHA-256 of the covered bytes equals the signed messageDigest attribute. */
  digestMatches: boolean;
  /** The signed attributes verify with the embedded certificate's public key. */
  signatureMatches: boolean;
  signer: string | null;
  signerCommonName: string | null;
  signingTime: Date | null;
  certificateSha256: string | null;
  problem: string | null;
}

const DIGESTS: Record<string, string> = {
  [forge.pki.oids.sha256]: 'sha256',
  [forge.pki.oids.sha384]: 'sha384',
  [forge.pki.oids.sha512]: 'sha512',
  [forge.pki.oids.sha1]: 'sha1',
};

const failed = (problem: string, partial: Partial<SignatureCheck> = {}): SignatureCheck => ({
  valid: false,
  coversWholeFile: false,
  digestMatches: false,
  signatureMatches: false,
  signer: null,
  signerCommonName: null,
  signingTime: null,
  certificateSha256: null,
  ...partial,
  problem,
});

/** Length of the DER element at the start of `der` (header included), or -1. */
function derLength(der: Buffer): number {
  if (der.length < 2) return -1;
  const first = der[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i += 1) len = len * 256 + der[2 + i];
  return 2 + n + len;
}

function attribute(attrs: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | null {
  for (const attr of attrs) {
    const parts = attr.value as forge.asn1.Asn1[];
    if (forge.asn1.derToOid(parts[0].value as string) === oid) return (parts[1].value as forge.asn1.Asn1[])[0] ?? null;
  }
  return null;
}

/**
 * Verifies the last signature of a PDF: the ByteRange must cover the whole file but the signature itself; the
 * digest of those bytes must equal the signed messageDigest; the signed attributes must verify with the embedded
 * certificate. Whether that certificate is trusted is a separate question (the caller compares its fingerprint).
 */
export function verifyPdfSignature(pdf: Buffer): SignatureCheck {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return failed('Tệp không có chữ ký số.');
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  const coversWholeFile = a === 0 && b < c && c + d === pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
  if (!coversWholeFile) return failed('Vùng ký (ByteRange) không bao trọn tệp.');
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return failed('Chữ ký số bị hỏng.', { coversWholeFile });
  const contents = Buffer.from(hex, 'hex');
  const length = derLength(contents);
  // the hex string is the DER followed by zero padding: anything else there is a change to the file
  if (length < 0 || length > contents.length || contents.subarray(length).some((x) => x !== 0))
    return failed('Chữ ký số bị hỏng.', { coversWholeFile });
  let p7: forge.pkcs7.PkcsSignedData;
  try {
    p7 = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(contents.subarray(0, length).toString('binary'))),
    ) as forge.pkcs7.PkcsSignedData;
  } catch {
    return failed('Chữ ký số bị hỏng.', { coversWholeFile });
  }
  const raw = (
    p7 as unknown as {
      rawCapture: {
        authenticatedAttributes?: forge.asn1.Asn1[];
        signature: string;
        digestAlgorithm: string;
      };
    }
  ).rawCapture;
  const cert = p7.certificates[0];
  if (!cert || !raw.authenticatedAttributes)
    return failed('Chữ ký số không kèm chứng thư hoặc thuộc tính ký.', {
      coversWholeFile,
    });
  const certPem = forge.pki.certificateToPem(cert);
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const identity = {
    signer: subjectText(cert.subject.attributes),
    signerCommonName: readable(String(cert.subject.getField('CN')?.value ?? '')),
    certificateSha256: createHash('sha256').update(certDer).digest('hex'),
  };
  const digestName = DIGESTS[forge.asn1.derToOid(raw.digestAlgorithm)];
  if (!digestName)
    return failed('Thuật toán băm của chữ ký số không được hỗ trợ.', {
      coversWholeFile,
      ...identity,
    });
  const signedDigest = attribute(raw.authenticatedAttributes, forge.pki.oids.messageDigest);
  const time = attribute(raw.authenticatedAttributes, forge.pki.oids.signingTime);
  const signingTime = time ? forge.asn1.utcTimeToDate(time.value as string) : null;
  const actual = createHash(digestName)
    .update(pdf.subarray(0, b))
    .update(pdf.subarray(c, c + d))
    .digest();
  const digestMatches = signedDigest !== null && Buffer.from(signedDigest.value as string, 'binary').equals(actual);
  const attrs = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, raw.authenticatedAttributes);
  let signatureMatches: boolean;
  try {
    signatureMatches = verifySignature(
      digestName,
      Buffer.from(forge.asn1.toDer(attrs).getBytes(), 'binary'),
      certPem,
      Buffer.from(raw.signature, 'binary'),
    );
  } catch {
    signatureMatches = false;
  }
  const valid = digestMatches && signatureMatches;
  const problem = valid ? null : !digestMatches ? 'Nội dung tệp đã bị thay đổi sau khi ký.' : 'Chữ ký không khớp với chứng thư số kèm theo.';
  return {
    valid,
    coversWholeFile,
    digestMatches,
    signatureMatches,
    signingTime,
    ...identity,
    problem,
  };
}
