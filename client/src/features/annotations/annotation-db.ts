import type { Annotation } from '@phonghop/shared';
import type { OutboxEntry } from './sync-rules';

/**
 * The tablet's copy of the member's annotations, in IndexedDB (plain API, small promise wrapper): every change is
 * stored here before anything is sent. Stores: `annotations` (key user:id, by user+document+version), `outbox`
 * (the changes not yet acknowledged, in order) and `cursors` (the last sync of a document version).
 */
const DB = 'phonghop-annotations';

interface StoredRow {
  key: string;
  userId: string;
  doc: string;
  annotation: Annotation;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('annotations', { keyPath: 'key' }).createIndex('doc', 'doc');
      db.createObjectStore('outbox', {
        keyPath: 'seq',
        autoIncrement: true,
      }).createIndex('user', 'userId');
      db.createObjectStore('cursors');
    };
    req.onsuccess = () => {
      // another tab deleting the database (logout) must not wait on us
      req.result.onversionchange = () => {
        req.result.close();
        opening = null;
      };
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB'));
    };
  });
  return opening;
}

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
  });
const result = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });

const docKey = (userId: string, documentId: string, version: number) => `${userId}:${documentId}:${version}`;
const rowOf = (userId: string, a: Annotation): StoredRow => ({
  key: `${userId}:${a.id}`,
  userId,
  doc: docKey(userId, a.documentId, a.version),
  annotation: a,
});

export const annotationDb = {
  async list(userId: string, documentId: string, version: number): Promise<Annotation[]> {
    const db = await open();
    const rows = await result(
      db
        .transaction('annotations')
        .objectStore('annotations')
        .index('doc')
        .getAll(docKey(userId, documentId, version)) as IDBRequest<StoredRow[]>,
    );
    return rows.map((r) => r.annotation);
  },

  async get(userId: string, id: string): Promise<Annotation | undefined> {
    const db = await open();
    const row = await result(db.transaction('annotations').objectStore('annotations').get(`${userId}:${id}`) as IDBRequest<StoredRow | undefined>);
    return row?.annotation;
  },

  async put(userId: string, annotations: Annotation[]): Promise<void> {
    const db = await open();
    const tx = db.transaction('annotations', 'readwrite');
    for (const a of annotations) tx.objectStore('annotations').put(rowOf(userId, a));
    await done(tx);
  },

  async remove(userId: string, ids: string[]): Promise<void> {
    const db = await open();
    const tx = db.transaction('annotations', 'readwrite');
    for (const id of ids) tx.objectStore('annotations').delete(`${userId}:${id}`);
    await done(tx);
  },

  /** The change and the annotation it produces, in one transaction: either both are on the device or neither. */
  async write(userId: string, annotation: Annotation, entry: OutboxEntry): Promise<void> {
    const db = await open();
    const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
    tx.objectStore('annotations').put(rowOf(userId, annotation));
    tx.objectStore('outbox').add(entry);
    await done(tx);
  },

  async outbox(userId: string): Promise<OutboxEntry[]> {
    const db = await open();
    return result(db.transaction('outbox').objectStore('outbox').index('user').getAll(userId) as IDBRequest<OutboxEntry[]>);
  },

  /**
   * Drops an acknowledged entry and stores what `decide` makes of the server's copy, reading the local copy and the
   * rest of the outbox in the same transaction: a change made while the request was out is never overwritten.
   */
  async acknowledge(
    userId: string,
    seq: number,
    decide: ((local: Annotation | undefined, laterQueued: boolean) => Annotation) | null,
    id?: string,
  ): Promise<Annotation | undefined> {
    const db = await open();
    const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const annotations = tx.objectStore('annotations');
    let stored: Annotation | undefined;
    outbox.delete(seq);
    if (decide && id) {
      const rest = outbox.index('user').getAll(userId) as IDBRequest<OutboxEntry[]>;
      rest.onsuccess = () => {
        const laterQueued = rest.result.some((e) => e.annotation.id === id);
        const local = annotations.get(`${userId}:${id}`) as IDBRequest<StoredRow | undefined>;
        local.onsuccess = () => {
          stored = decide(local.result?.annotation, laterQueued);
          annotations.put(rowOf(userId, stored));
        };
      };
    }
    await done(tx);
    return stored;
  },

  async cursor(userId: string, documentId: string, version: number): Promise<string | undefined> {
    const db = await open();
    return result(
      db
        .transaction('cursors')
        .objectStore('cursors')
        .get(docKey(userId, documentId, version)) as IDBRequest<string | undefined>,
    );
  },

  async setCursor(userId: string, documentId: string, version: number, cursor: string): Promise<void> {
    const db = await open();
    const tx = db.transaction('cursors', 'readwrite');
    tx.objectStore('cursors').put(cursor, docKey(userId, documentId, version));
    await done(tx);
  },

  /**
   * Logout: the member's annotations leave the device with them, unsynced changes included (the server has every
   * change it acknowledged; see ADR 13, "Trên máy tính bảng").
   */
  async clear(): Promise<void> {
    if (typeof indexedDB === 'undefined') return;
    if (opening) {
      (await opening.catch(() => null))?.close();
      opening = null;
    }
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(DB);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      req.onblocked = () => resolve();
    });
  },
};
