import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Ack } from '@phonghop/shared';
import { toHttpError } from '../common/http-exception.filter.js';

/**
 * Socket refusals go back through the command's ack as `{ ok: false, code, message }` (Nest's default would
 * emit a separate `exception` event the client never correlates). Never rethrows: one bad event from one
 * tablet must not disturb the others.
 */
@Catch()
export class WsAckFilter implements ExceptionFilter {
  private readonly logger = new Logger('Realtime');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toHttpError(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const ack = host.getArgs().find((a): a is (ack: Ack) => void => typeof a === 'function');
    ack?.({ ok: false, ...body });
  }
}
