import { useTranslation } from 'react-i18next';
import { useRealtime } from '../realtime/realtime-context';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const { connection } = useRealtime();
  return (
    <span className={`connection connection--${connection}`} data-testid="connection-status" data-state={connection} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {t(connection === 'connected' ? 'connection.connected' : 'connection.disconnected')}
    </span>
  );
}
