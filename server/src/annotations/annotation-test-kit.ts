import { randomUUID } from 'node:crypto';
import type { Annotation, AnnotationChangeResult, AnnotationListDto, AnnotationWithdrawnEvent, DocumentDto, DocumentMetadata } from '@phonghop/shared';
import type { Clock } from '../common/clock.js';
import { documentMeta, Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';
import { AnnotationEntity } from './annotation.entity.js';

/** Test support for the annotation specs: a published meeting with a document, people, HTTP and socket helpers. */

export const PLAN = 'vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf'; // 7 pages
export const TRACEMONKEY = 'pdfs/tracemonkey.pdf'; // 14 pages

export const PEOPLE = { nam: 'pct.nam', lan: 'pct.lan', guest: 'tp.tuphap', outsider: 'tp.noivu', chair: 'chutich' } as const;
export type Who = keyof typeof PEOPLE | 'secretary';

export type Draft = Record<string, unknown> & { id: string };

export class AnnotationKit {
  readonly cookies = {} as Record<Who, string>;
  meetingId = '';

  private constructor(
    readonly t: TestApp,
    readonly f: Fixtures,
  ) {}

  static async start(clock: Clock): Promise<AnnotationKit> {
    const t = await startTestApp({ clock });
    const kit = new AnnotationKit(t, await Fixtures.create(t));
    kit.cookies.secretary = kit.f.secretary;
    for (const [who, username] of Object.entries(PEOPLE) as Array<[Who, string]>) kit.cookies[who] = await t.login(username);
    const { meeting } = await kit.f.readyMeeting();
    kit.meetingId = meeting.id;
    await json(await kit.f.publish(meeting.id, true));
    return kit;
  }

  async upload(file: string, m: DocumentMetadata = documentMeta()): Promise<DocumentDto> {
    const res = await this.t.request('POST', `/api/meetings/${this.meetingId}/documents`, {
      cookie: this.f.secretary,
      body: fixture(file) as unknown as string,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file), 'x-document-metadata': encodeURIComponent(JSON.stringify(m)) },
    });
    return json<DocumentDto>(res, 201);
  }

  async newVersion(documentId: string, file: string): Promise<DocumentDto> {
    const res = await this.t.request('POST', `/api/documents/${documentId}/versions`, {
      cookie: this.f.secretary,
      body: fixture(file) as unknown as string,
      headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(file), 'x-change-note': encodeURIComponent('Sửa số liệu') },
    });
    return json<DocumentDto>(res, 201);
  }

  /** An ink stroke on `page` of version 1, private. */
  ink(documentId: string, extra: Record<string, unknown> = {}): Draft {
    return { id: randomUUID(), documentId, version: 1, page: 2, kind: 'ink', tool: 'pen', colour: '#1d4ed8', width: 0.004, points: [[0.1, 0.2, 0.5], [0.3, 0.4, 0.6]], ...extra };
  }

  put(who: Who, draft: Draft, rev: number, idempotencyKey: string = randomUUID()): Promise<Response> {
    return this.t.request('PUT', `/api/annotations/${draft.id}`, { cookie: this.cookies[who], body: { idempotencyKey, rev, annotation: draft } });
  }

  async save(who: Who, draft: Draft, rev: number, idempotencyKey?: string): Promise<AnnotationChangeResult> {
    return json<AnnotationChangeResult>(await this.put(who, draft, rev, idempotencyKey));
  }

  list(who: Who, documentId: string, version = 1, since?: string): Promise<Response> {
    const q = `version=${version}${since ? `&since=${encodeURIComponent(since)}` : ''}`;
    return this.t.request('GET', `/api/documents/${documentId}/annotations?${q}`, { cookie: this.cookies[who] });
  }

  async visible(who: Who, documentId: string, version = 1, since?: string): Promise<AnnotationListDto> {
    return json<AnnotationListDto>(await this.list(who, documentId, version, since));
  }

  async connect(who: Who): Promise<Inbox> {
    const socket = this.t.socket(this.cookies[who]);
    await nextEvent(socket, 'session:welcomed');
    return new Inbox(socket);
  }

  rows(id: string): Promise<AnnotationEntity[]> {
    return this.t.dataSource.getRepository(AnnotationEntity).findBy({ id });
  }

  close(): Promise<void> {
    return this.t.close();
  }
}

type Received = { event: 'changed'; annotation: Annotation } | { event: 'withdrawn'; withdrawn: AnnotationWithdrawnEvent };

/** What one socket heard of annotations, in arrival order (socket.io keeps order per connection). */
export class Inbox {
  readonly received: Received[] = [];

  constructor(readonly socket: TestSocket) {
    socket.on('annotation:changed', (e) => this.received.push({ event: 'changed', annotation: e.annotation }));
    socket.on('annotation:withdrawn', (e) => this.received.push({ event: 'withdrawn', withdrawn: e }));
  }

  until(pred: (r: Received) => boolean, ms = 5000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const hit = this.received.find(pred);
        if (hit) return resolve(hit);
        if (Date.now() - started > ms) return reject(new Error(`annotation event not received within ${ms} ms: ${JSON.stringify(this.received)}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  about(id: string): Received[] {
    return this.received.filter((r) => (r.event === 'changed' ? r.annotation.id : r.withdrawn.id) === id);
  }
}
