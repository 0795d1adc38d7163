import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { DeskDocument, MoveDeskDocument, RenameDeskDocument, RetireDeskDocument, SetDeskIdentifierCodeDocument } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../dates';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { DetailList } from './DetailList';
import { DetailPage, DetailSection, type RecordAction } from './DetailPage';
import { IdentifierCode } from './IdentifierCode';
import { MoveDialog, RenameDialog, RetireDialog } from './RecordDialogs';
import { historyHref } from '../administration/labels';
import { WorkplaceSections } from '../workplace/WorkplaceSections';
import { DeskCountersSection } from '../counters/DeskCountersSection';
import { DeskRosterLink } from '../roster/DeskRosterLink';

/** One desk: what it is, where, whose; rename, move, retire. */
export function DeskDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(DeskDocument, { variables: { id } });
  const desk = data?.oneStopDesk;
  useDocumentTitle(desk?.name ?? t('organisation.sections.desks'));
  const [action, setAction] = useState<RecordAction | null>(null);
  const [rename] = useMutation(RenameDeskDocument);
  const [move] = useMutation(MoveDeskDocument);
  const [retire] = useMutation(RetireDeskDocument, { refetchQueries: ['Desks'] });
  const [setIdentifierCode] = useMutation(SetDeskIdentifierCodeDocument);
  const close = () => setAction(null);

  return (
    <DetailPage
      section={{ label: t('organisation.sections.desks'), href: '/organisation/desks' }}
      loading={loading}
      problem={apiProblem(error)}
      record={data ? desk : undefined}
      historyHref={desk ? historyHref('OneStopDesk', desk.id) : undefined}
      onAction={setAction}
      testId="desk-detail"
    >
      {desk && (
        <>
          <DetailSection title={t('organisation.details')}>
            <DetailList
              items={[
                { label: t('organisation.fields.code'), value: <code>{desk.code}</code> },
                { label: t('organisation.fields.level'), value: t(`levels.${desk.level}`) },
                {
                  label: t('organisation.fields.agency'),
                  value: (
                    <Link component={RouterLink} to={`/organisation/agencies/${desk.agency.id}`}>
                      {desk.agency.name}
                    </Link>
                  ),
                },
                {
                  label: t('organisation.fields.identifierCode'),
                  value: (
                    <IdentifierCode
                      code={desk.identifierCode ?? null}
                      inherited={desk.agency.identifierCode}
                      retired={Boolean(desk.retiredOn)}
                      hint={t('organisation.identifierCode.deskHint')}
                      submit={(identifierCode) => setIdentifierCode({ variables: { input: { id: desk.id, identifierCode } } })}
                    />
                  ),
                },
                { label: t('organisation.fields.unit'), value: `${desk.administrativeUnit.name} (${desk.administrativeUnit.code})` },
                { label: t('organisation.fields.provinceToday'), value: desk.province.name },
                { label: t('organisation.fields.address'), value: desk.address },
                {
                  label: t('organisation.fields.status'),
                  value: desk.retiredOn ? t('organisation.status.retiredOn', { date: formatDate(desk.retiredOn) }) : t('organisation.status.active'),
                },
                { label: t('organisation.fields.createdAt'), value: formatDateTime(desk.createdAt) },
                { label: t('organisation.fields.updatedAt'), value: formatDateTime(desk.updatedAt) },
              ]}
            />
          </DetailSection>
          <DeskCountersSection deskId={desk.id} />
          <WorkplaceSections workplace={{ kind: 'desk', id: desk.id }} />
          <DeskRosterLink deskId={desk.id} />
          {action === 'rename' && (
            <RenameDialog open onClose={close} currentName={desk.name} submit={(name) => rename({ variables: { input: { id: desk.id, name } } })} />
          )}
          {action === 'move' && (
            <MoveDialog
              open
              onClose={close}
              currentUnit={desk.administrativeUnit.name}
              submit={(administrativeUnitCode) => move({ variables: { input: { id: desk.id, administrativeUnitCode } } })}
            />
          )}
          {action === 'retire' && (
            <RetireDialog open onClose={close} name={desk.name} submit={(retiredOn) => retire({ variables: { input: { id: desk.id, retiredOn } } })} />
          )}
        </>
      )}
    </DetailPage>
  );
}
