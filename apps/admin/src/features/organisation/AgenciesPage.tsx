import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import type { GridColDef } from '@mui/x-data-grid';
import { AgenciesDocument, type AgencyRowFragment } from '../../graphql/generated';
import { AgencyCreateDialog } from './AgencyCreateDialog';
import { LinkCell } from './LinkCell';
import { RecordListPage } from './RecordListPage';
import { AGENCY_KINDS } from './enums';
import { useRecordList } from './useRecordList';

export const agencyHref = (row: { id: string }) => `/organisation/agencies/${row.id}`;

/** Cơ quan: departments, people's committees, the public administration centres. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const list = useRecordList();
  const result = useQuery(AgenciesDocument, {
    variables: { ...list.variables, filter: { ...list.filter, kind: list.categoryIn(AGENCY_KINDS) } },
  });

  const columns = useMemo<GridColDef<AgencyRowFragment>[]>(
    () => [
      { field: 'name', headerName: t('organisation.fields.name'), flex: 2, minWidth: 240, renderCell: (p) => <LinkCell params={p} href={agencyHref(p.row)} /> },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 150, flex: 0.8 },
      {
        field: 'kind',
        headerName: t('organisation.fields.kind'),
        minWidth: 170,
        flex: 1.2,
        sortable: false,
        valueGetter: (_v, row) => t(`agencyKinds.${row.kind}`),
      },
    ],
    [t],
  );

  return (
    <RecordListPage
      title={t('organisation.sections.agencies')}
      testId="agencies-grid"
      list={list}
      result={result}
      connectionOf={(data) => data.agencies}
      columns={columns}
      hrefOf={agencyHref}
      searchLabel={t('organisation.agencies.search')}
      categoryLabel={t('organisation.fields.kind')}
      categories={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKinds.${k}`) }))}
      create={{ label: t('organisation.agencies.create'), testId: 'create-agency', Dialog: AgencyCreateDialog }}
    />
  );
}
