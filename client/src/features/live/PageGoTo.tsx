import { useTranslation } from 'react-i18next';
import { PageGoTo as GoToField } from '../../ui/PageGoTo';

/** The live room's "Đến trang": any whole page ≥ 1 goes; past the end is the server's (or the follow clamp's) to settle. */
export function PageGoTo({ onGo, testId, disabled }: { onGo: (page: number) => void; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <GoToField
      onGo={onGo}
      className="page-goto"
      inputTestId={testId}
      disabled={disabled}
      labels={{ field: t('live.presentation.goTo'), placeholder: t('live.presentation.goToShort'), go: t('live.presentation.go'), invalid: t('live.presentation.badPage') }}
    />
  );
}
