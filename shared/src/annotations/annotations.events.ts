import type { Annotation } from './annotation.schemas.js';

export interface AnnotationChangedEvent {
  annotation: Annotation;
}

/** A shared annotation that others must stop showing (unshared or deleted); it carries no content. */
export interface AnnotationWithdrawnEvent {
  id: string;
  documentId: string;
  version: number;
  ownerId: string;
}

export interface AnnotationServerEvents {
  /** To the owner's devices on every stored change; to the document's readers while it is shared. */
  'annotation:changed': (event: AnnotationChangedEvent) => void;
  /** To the document's readers when a shared annotation is unshared or deleted. */
  'annotation:withdrawn': (event: AnnotationWithdrawnEvent) => void;
}
