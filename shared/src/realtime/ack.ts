import type { ErrorBody } from '../errors/error-codes.js';

/** Every command is answered: committed (`ok: true` plus its result) or rejected with a stable code. */
export type Ack<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & ErrorBody);
export type AckCallback<T extends object = object> = (ack: Ack<T>) => void;
