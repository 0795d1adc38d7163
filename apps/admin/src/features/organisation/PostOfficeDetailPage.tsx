import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { MovePostOfficeDocument, PostOfficeDocument, RenamePostOfficeDocument, RetirePostOfficeDocument } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { DetailList } from './DetailList';
import { DetailPage, DetailSection, type RecordAction } from './DetailPage';
import { MoveDialog, RenameDialog, RetireDialog } from './RecordDialogs';
import { StatusChip } from './StatusChip';
import { postOfficeHref } from './PostOfficesPage';
import { historyHref } from '../administration/labels';
import { WorkplaceSections } from '../workplace/WorkplaceSections';

/** One post office: kind, where, whom it reports to, who reports to it; rename, move, retire. */
export function PostOfficeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(PostOfficeDocument, { variables: { id } });
  const office = data?.postOffice;
  const reporting = data?.reporting;
  useDocumentTitle(office?.name ?? t('organisation.sections.postOffices'));
  const [action, setAction] = useState<RecordAction | null>(null);
  const [rename] = useMutation(RenamePostOfficeDocument);
  const [move] = useMutation(MovePostOfficeDocument);
  const [retire] = useMutation(RetirePostOfficeDocument, { refetchQueries: ['PostOffices'] });
  const close = () => setAction(null);

  return (
    <DetailPage
      section={{ label: t('organisation.sections.postOffices'), href: '/organisation/post-offices' }}
      loading={loading}
      problem={apiProblem(error)}
      record={data ? office : undefined}
      historyHref={office ? historyHref('PostOffice', office.id) : undefined}
      onAction={setAction}
      testId="post-office-detail"
    >
      {office && (
        <>
          <DetailSection title={t('organisation.details')}>
            <DetailList
              items={[
                { label: t('organisation.fields.code'), value: <code>{office.code}</code> },
                { label: t('organisation.fields.kind'), value: t(`postOfficeKinds.${office.kind}`) },
                {
                  label: t('organisation.fields.parentPostOffice'),
                  value: office.parent ? (
                    <Link component={RouterLink} to={postOfficeHref(office.parent)}>
                      {office.parent.name}
                    </Link>
                  ) : (
                    t('organisation.postOffices.noParent')
                  ),
                },
                { label: t('organisation.fields.unit'), value: `${office.administrativeUnit.name} (${office.administrativeUnit.code})` },
                { label: t('organisation.fields.provinceToday'), value: office.province.name },
                { label: t('organisation.fields.address'), value: office.address },
                {
                  label: t('organisation.fields.status'),
                  value: office.retiredOn ? t('organisation.status.retiredOn', { date: formatDate(office.retiredOn) }) : t('organisation.status.active'),
                },
                { label: t('organisation.fields.createdAt'), value: formatDateTime(office.createdAt) },
                { label: t('organisation.fields.updatedAt'), value: formatDateTime(office.updatedAt) },
              ]}
            />
          </DetailSection>
          <DetailSection title={t('organisation.postOffices.reporting', { count: reporting?.totalCount ?? 0 })}>
            {reporting && reporting.edges.length > 0 ? (
              <List dense disablePadding data-testid="reporting-offices">
                {reporting.edges.map(({ node }) => (
                  <ListItemButton key={node.id} component={RouterLink} to={postOfficeHref(node)}>
                    <ListItemText primary={node.name} secondary={`${t(`postOfficeKinds.${node.kind}`)} · ${node.code}`} />
                    <StatusChip retiredOn={node.retiredOn} />
                  </ListItemButton>
                ))}
              </List>
            ) : (
              <Typography color="text.secondary">{t('organisation.postOffices.noReporting')}</Typography>
            )}
          </DetailSection>
          <WorkplaceSections workplace={{ kind: 'postOffice', id: office.id }} />
          {action === 'rename' && (
            <RenameDialog open onClose={close} currentName={office.name} submit={(name) => rename({ variables: { input: { id: office.id, name } } })} />
          )}
          {action === 'move' && (
            <MoveDialog
              open
              onClose={close}
              currentUnit={office.administrativeUnit.name}
              submit={(administrativeUnitCode) => move({ variables: { input: { id: office.id, administrativeUnitCode } } })}
            />
          )}
          {action === 'retire' && (
            <RetireDialog open onClose={close} name={office.name} submit={(retiredOn) => retire({ variables: { input: { id: office.id, retiredOn } } })} />
          )}
        </>
      )}
    </DetailPage>
  );
}
