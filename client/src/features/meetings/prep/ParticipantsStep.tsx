import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_ROLES, type MeetingRole } from '@phonghop/shared';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { meetingsApi } from '../meetings.api';
import { RsvpState } from '../RsvpState';
import type { StepProps } from './PrepPage';

const ROLE_ORDER: Record<MeetingRole, number> = { chair: 0, secretary: 1, member: 2, guest: 3, display: 4 };

/** Thành phần: pick people from the directory with a meeting role; change roles, remove, see their RSVP. */
export function ParticipantsStep({ meeting, onMeeting }: StepProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const directory = useResource('directory', (signal) => meetingsApi.directory(signal));
  const [filter, setFilter] = useState('');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<MeetingRole>('member');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const editable = meeting.can.edit;

  const taken = useMemo(() => new Set(meeting.participants.map((p) => p.user.id)), [meeting.participants]);
  const candidates = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase('vi');
    return (directory.data ?? [])
      .filter((u) => !taken.has(u.id))
      .filter((u) => !q || `${u.fullName} ${u.position} ${u.unit} ${u.username}`.toLocaleLowerCase('vi').includes(q))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }, [directory.data, filter, taken]);
  const selected = candidates.some((c) => c.id === userId) ? userId : (candidates[0]?.id ?? '');

  const act = async (key: string, action: () => Promise<typeof meeting>) => {
    setError(null);
    setBusy(key);
    try {
      onMeeting(await action());
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    if (!selected) return;
    if (await act('add', () => meetingsApi.addParticipant(meeting.id, selected, role))) {
      setUserId('');
      setFilter('');
    }
  };

  const sorted = [...meeting.participants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.user.fullName.localeCompare(b.user.fullName, 'vi'));

  return (
    <section className="card stack" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('prep.steps.participants')}</h2>
      {error !== null && <Alert>{describeError(error)}</Alert>}
      {directory.error !== null && <Alert>{describeError(directory.error)}</Alert>}
      {editable && (
        <form className="participant-picker" onSubmit={(e) => void onAdd(e)}>
          <TextField label={t('prep.participants.search')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} name="participantSearch" autoComplete="off" />
          <SelectField label={t('prep.participants.person')} name="participantUser" value={selected} onChange={(e) => setUserId(e.target.value)}>
            {candidates.length === 0 && <option value="">{t('prep.participants.noneLeft')}</option>}
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
                {u.position ? ` — ${u.position}` : ''}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('prep.participants.role')} name="participantRole" value={role} onChange={(e) => setRole(e.target.value as MeetingRole)}>
            {MEETING_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`meetingRoles.${r}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={busy === 'add'} disabled={!selected} data-testid="add-participant">
            {t('prep.participants.add')}
          </Button>
        </form>
      )}
      {sorted.length === 0 ? (
        <EmptyState title={t('prep.participants.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="participants-table">
            <thead>
              <tr>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('prep.participants.role')}</th>
                <th scope="col">{t('prep.participants.rsvp')}</th>
                {editable && <th scope="col" className="table__actions-col">{t('users.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((p) => (
                <tr key={p.id} data-testid="participant-row" data-user-id={p.user.id} data-role={p.role}>
                  <td className="table__primary">
                    <strong>{p.user.fullName}</strong>
                    <div className="muted small">{[p.user.position, p.user.unit].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td data-label={t('prep.participants.role')}>
                    {editable ? (
                      <select
                        className="field__input field__input--compact"
                        aria-label={t('prep.participants.roleOf', { name: p.user.fullName })}
                        value={p.role}
                        disabled={busy !== null}
                        onChange={(e) => void act(p.id, () => meetingsApi.changeRole(meeting.id, p.id, e.target.value as MeetingRole))}
                      >
                        {MEETING_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`meetingRoles.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`meetingRoles.${p.role}`)
                    )}
                  </td>
                  <td data-label={t('prep.participants.rsvp')}>
                    <RsvpState participant={p} />
                  </td>
                  {editable && (
                    <td className="table__actions-cell">
                      <div className="table__actions">
                        <Button
                          variant="danger"
                          busy={busy === `rm-${p.id}`}
                          onClick={() => void act(`rm-${p.id}`, () => meetingsApi.removeParticipant(meeting.id, p.id))}
                          aria-label={t('prep.participants.removeLabel', { name: p.user.fullName })}
                        >
                          {t('prep.participants.remove')}
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
