import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, LiveControlCommand } from '@phonghop/shared';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useToast } from '../../ui/Toast';
import type { LivePayload, LiveRoomStore } from './live-store';

/** Sends a command; resolves true once the server committed it, false after showing its refusal. */
export type RunCommand = <K extends LiveControlCommand>(name: K, payload: LivePayload<K>, busyKey?: string) => Promise<boolean>;

/**
 * Commands with feedback: the button that sent one shows it busy until the ack, and a refusal is shown in the
 * user's language (the server's own Vietnamese text when the code has no translation), with the server's details
 * ("Tài liệu chỉ có 7 trang.").
 */
export function useLiveCommands(store: LiveRoomStore): { run: RunCommand; pending: ReadonlySet<string> } {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useErrorMessage();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  const refusal = useCallback(
    (body: ErrorBody) => [describe(new ApiError(0, body.code, body.message, body.details)), ...Object.values(body.details ?? {})].join(' '),
    [describe],
  );

  const run = useCallback<RunCommand>(
    async (name, payload, busyKey = name) => {
      setPending((keys) => new Set(keys).add(busyKey));
      try {
        const ack = await store.command(name, payload);
        if (!ack.ok) toast.show({ tone: 'error', title: t('live.refused'), message: refusal(ack) });
        return ack.ok;
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

  return { run, pending };
}
