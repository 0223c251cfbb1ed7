import { Injectable } from '@nestjs/common';
import { rooms } from '@phonghop/shared';
import type { DocumentContext } from '../documents/documents.service.js';
import { canSeeDocument, canView, membershipOf } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import type { AnnotationEntity } from './annotation.entity.js';
import { toAnnotationDto } from './annotation-views.js';

/** Who hears of a stored change: always the owner's devices; the document's readers only while it is shared. */
@Injectable()
export class AnnotationAudience {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  announce(ctx: DocumentContext, before: AnnotationEntity | null, after: AnnotationEntity): void {
    const annotation = toAnnotationDto(after);
    // Every device of the owner, the sending one too: it already has this rev and ignores it.
    this.realtime.to(rooms.user(after.ownerId))?.emit('annotation:changed', { annotation });
    const visible = after.shared && !after.deleted;
    const wasVisible = before !== null && before.shared && !before.deleted;
    if (!visible && !wasVisible) return;
    const readers = this.readerRooms(ctx);
    if (readers.length === 0) return;
    const to = this.realtime.to(readers)?.except(rooms.user(after.ownerId));
    if (visible) to?.emit('annotation:changed', { annotation });
    else to?.emit('annotation:withdrawn', { id: after.id, documentId: after.documentId, version: after.version, ownerId: after.ownerId });
  }

  /** The same rule as reading the document: seats that may see the meeting and the document, and secretaries. */
  private readerRooms(ctx: DocumentContext): string[] {
    const doc = { audience: ctx.document.audience, grantedUserIds: ctx.grants };
    const users = this.meetings.audience(ctx.participants).filter((userId) => {
      const viewer = { userId, systemRole: 'member' as const };
      const membership = membershipOf(userId, ctx.participants);
      return canView(viewer, ctx.meeting.status, membership) && canSeeDocument(viewer, membership, doc);
    });
    return [...users.map((u) => rooms.user(u)), rooms.role('secretary')];
  }
}
