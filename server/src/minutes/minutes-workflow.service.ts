import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { MinutesDto, MinutesVerificationDto, MinutesVersionRequest, ReturnMinutesRequest, SignatureStatusDto } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { SearchIndexer } from '../search/search-indexer.service.js';
import { UsersService } from '../users/users.service.js';
import { canDecideMinutes, canEditMinutes } from './minutes-access.js';
import { minutesDocument } from './minutes-document.js';
import { renderMinutesDocx } from './minutes-docx.js';
import { MinutesLog } from './minutes-log.service.js';
import { renderMinutesPdf } from './minutes-pdf.js';
import { MinutesSigner } from './minutes-signer.service.js';
import { MinutesCommentEntity, type MinutesEntity, SignedMinutesEntity } from './minutes.entity.js';
import { type MinutesScope, MinutesService } from './minutes.service.js';

export interface MinutesFile {
  filename: string;
  contentType: string;
  body: Buffer;
  /** Signed files only: the verification done for this download. */
  signature?: SignatureStatusDto;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * dự thảo → trình → duyệt và ký: the secretary submits once the meeting has ended (the facts are frozen then), the
 * chair returns with a comment or approves, which renders, signs and stores the PDF in the same step. Files:
 * the current draft as PDF or DOCX, the signed PDF with its verification.
 */
@Injectable()
export class MinutesWorkflow {
  constructor(
    @InjectRepository(SignedMinutesEntity)
    private readonly signed: Repository<SignedMinutesEntity>,
    private readonly minutes: MinutesService,
    private readonly log: MinutesLog,
    private readonly signer: MinutesSigner,
    private readonly users: UsersService,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly search: SearchIndexer,
  ) {}

  async submit(viewer: Viewer, meetingId: string, body: MinutesVersionRequest): Promise<MinutesDto> {
    const scope = await this.minutes.open(viewer, meetingId);
    if (!canEditMinutes(scope.role)) throw new AppError('FORBIDDEN');
    if (scope.row.status !== 'draft') throw new AppError('MINUTES_INVALID_TRANSITION');
    // `open` has just brought a draft's facts up to the log's last event: these are the facts to freeze
    const { facts } = scope.row;
    if (!facts.ended) throw new AppError('MINUTES_MEETING_NOT_ENDED');
    await this.db.transaction(async (em) => {
      const current = await this.minutes.lockedVersion(em, scope.row.id, body.version);
      if (current.status !== 'draft') throw new AppError('MINUTES_INVALID_TRANSITION');
      const version = await this.minutes.bump(em, current, {
        status: 'submitted',
        facts,
        submittedAt: this.clock.now(),
        returnComment: null,
      });
      await this.minutes.revision(em, current.id, version, 'submit', viewer.userId, []);
    });
    return this.minutes.get(viewer, meetingId);
  }

  async returnToSecretary(viewer: Viewer, meetingId: string, body: ReturnMinutesRequest): Promise<MinutesDto> {
    const scope = await this.decidable(viewer, meetingId);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const current = await this.minutes.lockedVersion(em, scope.row.id, body.version);
      if (current.status !== 'submitted') throw new AppError('MINUTES_INVALID_TRANSITION');
      const version = await this.minutes.bump(em, current, {
        status: 'draft',
        submittedAt: null,
        returnComment: body.comment,
      });
      await this.minutes.revision(em, current.id, version, 'return', viewer.userId, [{ key: 'return-comment', before: null, after: body.comment }]);
      await em.insert(MinutesCommentEntity, {
        id: randomUUID(),
        minutesId: current.id,
        userId: viewer.userId,
        at: now,
        text: body.comment,
        noteKey: null,
      });
    });
    return this.minutes.get(viewer, meetingId);
  }

  /** Approval freezes the PDF, signs it (signer: the approving chair) and records its SHA-256, in one step. */
  async approve(viewer: Viewer, meetingId: string, body: MinutesVersionRequest): Promise<MinutesDto> {
    const scope = await this.decidable(viewer, meetingId);
    if (scope.row.status !== 'submitted') throw new AppError('MINUTES_INVALID_TRANSITION');
    if (scope.row.version !== body.version)
      throw new AppError('MINUTES_VERSION_CONFLICT', {
        details: { version: String(scope.row.version) },
      });
    const chair = (await this.users.people([viewer.userId])).get(viewer.userId);
    if (!chair) throw new AppError('NOT_FOUND');
    const file = await this.signer.sign(await this.minutes.dto(scope), chair);
    try {
      await this.db.transaction(async (em) => {
        const current = await this.minutes.lockedVersion(em, scope.row.id, body.version);
        if (current.status !== 'submitted') throw new AppError('MINUTES_INVALID_TRANSITION');
        const version = await this.minutes.bump(em, current, {
          status: 'approved',
          approvedAt: file.signedAt,
        });
        const number =
          (await em.count(SignedMinutesEntity, {
            where: { minutesId: current.id },
          })) + 1;
        await em.insert(SignedMinutesEntity, {
          id: randomUUID(),
          minutesId: current.id,
          number,
          minutesVersion: version,
          sha256: file.sha256,
          unsignedSha256: file.unsignedSha256,
          signedAt: file.signedAt,
          signerUserId: viewer.userId,
          signerName: chair.fullName,
          signerPosition: chair.position,
          certificateSubject: file.certificateSubject,
          certificateSha256: file.certificateSha256,
          demoCertificate: file.demo,
          supersededAt: null,
        });
        await this.minutes.revision(em, current.id, version, 'approve', viewer.userId, [{ key: 'signed-sha256', before: null, after: file.sha256 }]);
      });
    } catch (error) {
      if (!(await this.signed.exists({ where: { sha256: file.sha256 } }))) this.signer.discard(file.sha256);
      throw error;
    }
    await this.search.minutes(meetingId);
    return this.minutes.get(viewer, meetingId);
  }

  private async decidable(viewer: Viewer, meetingId: string): Promise<MinutesScope> {
    const scope = await this.minutes.open(viewer, meetingId);
    if (!canDecideMinutes(scope.role)) throw new AppError('FORBIDDEN');
    return scope;
  }

  async verify(viewer: Viewer, meetingId: string): Promise<MinutesVerificationDto> {
    const { row } = await this.minutes.readable(viewer, meetingId);
    return this.log.verifyMinutes({
      meetingId,
      facts: row.facts,
      namedBallots: await this.log.namedBallots(row.facts),
    });
  }

  /** The current minutes as PDF: the signed file while the approval stands, else a rendering marked "Dự thảo". */
  async pdf(viewer: Viewer, meetingId: string): Promise<MinutesFile> {
    const scope = await this.minutes.readable(viewer, meetingId);
    if (scope.row.status === 'approved') return this.signedFileOf(scope.row);
    const dto = await this.minutes.dto(scope);
    return {
      filename: `bien-ban-du-thao-${meetingId.slice(0, 8)}.pdf`,
      contentType: PDF,
      body: await renderMinutesPdf(minutesDocument(dto), this.clock.now()),
    };
  }

  async docx(viewer: Viewer, meetingId: string): Promise<MinutesFile> {
    const dto = await this.minutes.dto(await this.minutes.readable(viewer, meetingId));
    return {
      filename: `bien-ban-${meetingId.slice(0, 8)}.docx`,
      contentType: DOCX,
      body: await renderMinutesDocx(minutesDocument(dto)),
    };
  }

  /**
   * A signed PDF (the latest, or number N) with the verification of exactly the bytes sent. Members may download
   * signed minutes even while a reopened draft is not shared with them.
   */
  async signedFile(viewer: Viewer, meetingId: string, number?: number): Promise<MinutesFile> {
    return this.signedFileOf((await this.minutes.open(viewer, meetingId)).row, number);
  }

  async signatureStatus(viewer: Viewer, meetingId: string, number?: number): Promise<SignatureStatusDto> {
    return (await this.signedFile(viewer, meetingId, number)).signature!;
  }

  private async signedFileOf(minutes: MinutesEntity, number?: number): Promise<MinutesFile> {
    const row = await this.signed.findOne({
      where: { minutesId: minutes.id, ...(number ? { number } : {}) },
      order: { number: 'DESC' },
    });
    if (!row) throw new AppError('MINUTES_NOT_SIGNED');
    const body = this.signer.read(row.sha256);
    return {
      filename: `bien-ban-${minutes.meetingId.slice(0, 8)}-ky-so-${row.number}.pdf`,
      contentType: PDF,
      body,
      signature: this.signer.check(row, body),
    };
  }
}
