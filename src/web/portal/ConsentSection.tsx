import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiDelete, apiGet, apiPost } from '../app/api';
import { Section } from '../app/DataTable';
import { ErrorState, LoadingState } from '../app/states';
import { CompactList } from './CompactList';

interface Consents {
  adult: boolean;
  guardians: { id: string; givenName: string; familyName: string; consented: boolean; givenOn: string | null }[];
}
const KEY = ['consents'];

/** The pupil's own: from 18, which guardians may go on seeing their school information (given, revoked). */
export function ConsentSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const consents = useQuery({ queryKey: KEY, queryFn: () => apiGet<Consents>('/api/consents') });
  const change = useMutation({
    mutationFn: ({ guardianId, give }: { guardianId: string; give: boolean }) =>
      give ? apiPost<Consents>('/api/consents', { guardianId }) : apiDelete<Consents>(`/api/consents/${encodeURIComponent(guardianId)}`),
    onSuccess: (data) => client.setQueryData(KEY, data),
  });
  const data = consents.data;
  return (
    <Section title={t('portal.consent.title')} testId="portal-consent">
      {consents.isPending && <LoadingState />}
      {consents.isError && <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />}
      {data && (
        <Stack gap="xs">
          <Text size="sm">{data.adult ? t('portal.consent.adultIntro') : t('portal.consent.minorIntro')}</Text>
          {data.guardians.length === 0 && <Text c="dimmed">{t('portal.consent.noGuardians')}</Text>}
          {data.adult && data.guardians.length > 0 && (
            <CompactList
              label={t('portal.consent.listLabel')}
              testId="consent-list"
              rows={data.guardians.map((g) => {
                const name = `${g.givenName} ${g.familyName}`;
                return [name, (
                  <Stack key="c" gap={4} align="flex-start">
                    <Text size="sm" data-testid="consent-state">{g.consented ? t('portal.consent.allowed', { date: g.givenOn }) : t('portal.consent.notAllowed')}</Text>
                    <Button size="xs" variant={g.consented ? 'default' : 'filled'} loading={change.isPending && change.variables?.guardianId === g.id}
                      onClick={() => change.mutate({ guardianId: g.id, give: !g.consented })} data-testid="consent-toggle">
                      {g.consented ? t('portal.consent.revoke', { name }) : t('portal.consent.give', { name })}
                    </Button>
                  </Stack>
                )];
              })}
            />
          )}
          {change.isError && <Alert color="red" role="alert">{t('portal.consent.failed')}</Alert>}
        </Stack>
      )}
    </Section>
  );
}
