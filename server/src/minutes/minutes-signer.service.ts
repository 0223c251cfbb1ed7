import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { MinutesDto, SignatureStatusDto, SignedMinutesDto } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { minutesDocument } from './minutes-document.js';
import type { SignedMinutesEntity } from './minutes.entity.js';
import { renderMinutesPdf } from './minutes-pdf.js';
import { signPdf, verifyPdfSignature } from './signing/pdf-signature.js';
import { SigningCertificate } from './signing/signing-certificate.js';

export interface SignedFile {
  sha256: string;
  unsignedSha256: string;
  signedAt: Date;
  certificateSubject: string;
  certificateSha256: string;
  demo: boolean;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Freezes approved minutes as a signed PDF: rendered with the visible signature block (signer, position, signing
 * time in ISO 8601 +07:00, the certificate), signed with the configured PKCS#12 (or the demo one), stored under its
 * SHA-256 in DATA_DIR/minutes/ and never rewritten. Checking a stored file recomputes everything: its SHA-256 against
 * the recorded one, the ByteRange digest and the CMS signature, and the certificate against the one that signed.
 */
@Injectable()
export class MinutesSigner {
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly certificate: SigningCertificate,
    private readonly clock: Clock,
  ) {
    this.dir = path.join(config.dataDir, 'minutes');
  }

  async sign(minutes: MinutesDto, signer: { fullName: string; position: string }): Promise<SignedFile> {
    const identity = this.certificate.current();
    if (!identity) throw new AppError('SIGNING_UNAVAILABLE');
    // CMS signing time has whole seconds: the visible block shows the same instant
    const signedAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const doc = minutesDocument(minutes, {
      signerName: signer.fullName,
      position: signer.position,
      signingTime: signedAt,
      certificateSubject: identity.commonName,
      demo: identity.demo,
    });
    const unsigned = await renderMinutesPdf(doc, signedAt);
    const signed = await signPdf(unsigned, identity, signedAt);
    const hash = sha256(signed);
    this.write(hash, signed);
    return {
      sha256: hash,
      unsignedSha256: sha256(unsigned),
      signedAt,
      certificateSubject: identity.subject,
      certificateSha256: identity.certificateSha256,
      demo: identity.demo,
    };
  }

  read(hash: string): Buffer {
    return fs.readFileSync(this.fileOf(hash));
  }

  /** Removes a file no row refers to (an approval that lost a race after signing). */
  discard(hash: string): void {
    fs.rmSync(this.fileOf(hash), { force: true });
  }

  check(row: SignedMinutesEntity, file: Buffer): SignatureStatusDto {
    const sig = verifyPdfSignature(file);
    const sha256Matches = sha256(file) === row.sha256;
    const sameCertificate = sig.certificateSha256 === row.certificateSha256;
    const valid = sig.valid && sha256Matches && sameCertificate;
    const problem =
      sig.problem ?? (!sameCertificate ? 'Chứng thư số khác với chứng thư đã ký.' : !sha256Matches ? 'Tệp khác với bản đã lưu khi ký.' : null);
    return {
      signed: true,
      valid,
      sha256Matches,
      digestMatches: sig.digestMatches,
      signatureMatches: sig.signatureMatches,
      coversWholeFile: sig.coversWholeFile,
      signer: sig.signer,
      signingTime: sig.signingTime?.toISOString() ?? null,
      demoCertificate: row.demoCertificate,
      problem,
      version: toSignedDto(row),
    };
  }

  private fileOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('NOT_FOUND');
    return path.join(this.dir, hash.slice(0, 2), `${hash}.pdf`);
  }

  private write(hash: string, content: Buffer): void {
    const file = this.fileOf(hash);
    if (fs.existsSync(file)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content, { mode: 0o444 });
    fs.renameSync(tmp, file);
  }
}

export function toSignedDto(row: SignedMinutesEntity): SignedMinutesDto {
  return {
    number: row.number,
    minutesVersion: row.minutesVersion,
    sha256: row.sha256,
    signedAt: row.signedAt.toISOString(),
    signer: { fullName: row.signerName, position: row.signerPosition },
    certificateSubject: row.certificateSubject,
    demoCertificate: row.demoCertificate,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}
