import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { AgencyDocument, MoveAgencyDocument, RenameAgencyDocument, RetireAgencyDocument, SetAgencyIdentifierCodeDocument } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { DetailList } from './DetailList';
import { IdentifierCode } from './IdentifierCode';
import { DetailPage, DetailSection, type RecordAction } from './DetailPage';
import { deskHref } from './DesksPage';
import { MoveDialog, RenameDialog, RetireDialog } from './RecordDialogs';
import { StatusChip } from './StatusChip';
import { historyHref } from '../administration/labels';
import { WorkplaceSections } from '../workplace/WorkplaceSections';

/** One agency and its desks; rename, move, retire. */
export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(AgencyDocument, { variables: { id } });
  const agency = data?.agency;
  const desks = data?.desks;
  useDocumentTitle(agency?.name ?? t('organisation.sections.agencies'));
  const [action, setAction] = useState<RecordAction | null>(null);
  const [rename] = useMutation(RenameAgencyDocument);
  const [move] = useMutation(MoveAgencyDocument);
  const [retire] = useMutation(RetireAgencyDocument, { refetchQueries: ['Agencies'] });
  const [setIdentifierCode] = useMutation(SetAgencyIdentifierCodeDocument);
  const close = () => setAction(null);

  return (
    <DetailPage
      section={{ label: t('organisation.sections.agencies'), href: '/organisation/agencies' }}
      loading={loading}
      problem={apiProblem(error)}
      record={data ? agency : undefined}
      historyHref={agency ? historyHref('Agency', agency.id) : undefined}
      onAction={setAction}
      testId="agency-detail"
    >
      {agency && (
        <>
          <DetailSection title={t('organisation.details')}>
            <DetailList
              items={[
                { label: t('organisation.fields.code'), value: <code>{agency.code}</code> },
                { label: t('organisation.fields.kind'), value: t(`agencyKinds.${agency.kind}`) },
                {
                  label: t('organisation.fields.identifierCode'),
                  value: (
                    <IdentifierCode
                      code={agency.identifierCode ?? null}
                      retired={Boolean(agency.retiredOn)}
                      hint={t('organisation.identifierCode.agencyHint')}
                      submit={(identifierCode) => setIdentifierCode({ variables: { input: { id: agency.id, identifierCode } } })}
                    />
                  ),
                },
                { label: t('organisation.fields.unit'), value: `${agency.administrativeUnit.name} (${agency.administrativeUnit.code})` },
                { label: t('organisation.fields.provinceToday'), value: agency.province.name },
                {
                  label: t('organisation.fields.status'),
                  value: agency.retiredOn ? t('organisation.status.retiredOn', { date: formatDate(agency.retiredOn) }) : t('organisation.status.active'),
                },
                { label: t('organisation.fields.createdAt'), value: formatDateTime(agency.createdAt) },
                { label: t('organisation.fields.updatedAt'), value: formatDateTime(agency.updatedAt) },
              ]}
            />
          </DetailSection>
          <DetailSection title={t('organisation.agencies.desks', { count: desks?.totalCount ?? 0 })}>
            {desks && desks.edges.length > 0 ? (
              <List dense disablePadding data-testid="agency-desks">
                {desks.edges.map(({ node }) => (
                  <ListItemButton key={node.id} component={RouterLink} to={deskHref(node)}>
                    <ListItemText primary={node.name} secondary={`${t(`levels.${node.level}`)} · ${node.code}`} />
                    <StatusChip retiredOn={node.retiredOn} />
                  </ListItemButton>
                ))}
              </List>
            ) : (
              <Typography color="text.secondary">{t('organisation.agencies.noDesks')}</Typography>
            )}
          </DetailSection>
          <WorkplaceSections workplace={{ kind: 'agency', id: agency.id }} />
          {action === 'rename' && (
            <RenameDialog open onClose={close} currentName={agency.name} submit={(name) => rename({ variables: { input: { id: agency.id, name } } })} />
          )}
          {action === 'move' && (
            <MoveDialog
              open
              onClose={close}
              currentUnit={agency.administrativeUnit.name}
              submit={(administrativeUnitCode) => move({ variables: { input: { id: agency.id, administrativeUnitCode } } })}
            />
          )}
          {action === 'retire' && (
            <RetireDialog open onClose={close} name={agency.name} submit={(retiredOn) => retire({ variables: { input: { id: agency.id, retiredOn } } })} />
          )}
        </>
      )}
    </DetailPage>
  );
}
