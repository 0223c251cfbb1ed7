import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@phonghop/shared';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useToast } from '../../ui/Toast';
import type { LivePayload, LiveRoomStore, RoomCommand, RoomCommandResults } from './live-store';

/** Sends a command; resolves true once the server committed it, false after showing its refusal. */
export type RunCommand = <K extends RoomCommand>(name: K, payload: LivePayload<K>, busyKey?: string) => Promise<boolean>;

/** What became of a command: the server's result, or its refusal as the user reads it (already shown as a toast). */
export type CommandOutcome<R> = { ok: true; result: R } | { ok: false; code: string; text: string };

/** Like RunCommand, for screens that need the result (a new vote's id) or to show the refusal in place too. */
export type SendCommand = <K extends RoomCommand>(name: K, payload: LivePayload<K>, busyKey?: string) => Promise<CommandOutcome<RoomCommandResults[K]>>;

/**
 * Commands with feedback: the button that sent one shows it busy until the ack, and a refusal is shown in the
 * user's language (the server's own Vietnamese text when the code has no translation), with the server's details
 * ("Tài liệu chỉ có 7 trang.").
 */
export function useLiveCommands(store: LiveRoomStore): { run: RunCommand; send: SendCommand; pending: ReadonlySet<string> } {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useErrorMessage();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  const refusal = useCallback(
    (body: ErrorBody) => [describe(new ApiError(0, body.code, body.message, body.details)), ...Object.values(body.details ?? {})].join(' '),
    [describe],
  );

  const send = useCallback<SendCommand>(
    async (name, payload, busyKey = name) => {
      setPending((keys) => new Set(keys).add(busyKey));
      try {
        const ack = await store.command(name, payload);
        if (ack.ok) {
          const { ok: _ok, ...result } = ack;
          return { ok: true, result: result as unknown as RoomCommandResults[typeof name] };
        }
        const text = refusal(ack);
        toast.show({ tone: 'error', title: t('live.refused'), message: text });
        return { ok: false, code: ack.code, text };
      } finally {
        setPending((keys) => {
          const next = new Set(keys);
          next.delete(busyKey);
          return next;
        });
      }
    },
    [store, toast, t, refusal],
  );

  const run = useCallback<RunCommand>(async (name, payload, busyKey) => (await send(name, payload, busyKey)).ok, [send]);

  return { run, send, pending };
}
