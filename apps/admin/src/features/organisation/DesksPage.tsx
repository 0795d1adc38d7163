import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import type { GridColDef } from '@mui/x-data-grid';
import { DesksDocument, type DeskRowFragment } from '../../graphql/generated';
import { DeskCreateDialog } from './DeskCreateDialog';
import { LinkCell } from './LinkCell';
import { RecordListPage } from './RecordListPage';
import { LEVELS } from './enums';
import { useRecordList } from './useRecordList';

export const deskHref = (row: { id: string }) => `/organisation/desks/${row.id}`;

/** Bộ phận Một cửa: every desk, searchable, by province and level. */
export function DesksPage() {
  const { t } = useTranslation();
  const list = useRecordList();
  const result = useQuery(DesksDocument, {
    variables: { ...list.variables, filter: { ...list.filter, level: list.categoryIn(LEVELS) } },
  });

  const columns = useMemo<GridColDef<DeskRowFragment>[]>(
    () => [
      { field: 'name', headerName: t('organisation.fields.name'), flex: 2, minWidth: 220, renderCell: (p) => <LinkCell params={p} href={deskHref(p.row)} /> },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 130, flex: 0.8 },
      { field: 'level', headerName: t('organisation.fields.level'), minWidth: 100, sortable: false, valueGetter: (_v, row) => t(`levels.${row.level}`) },
      { field: 'agency', headerName: t('organisation.fields.agency'), flex: 1.5, minWidth: 180, sortable: false, valueGetter: (_v, row) => row.agency.name },
    ],
    [t],
  );

  return (
    <RecordListPage
      title={t('organisation.sections.desks')}
      testId="desks-grid"
      list={list}
      result={result}
      connectionOf={(data) => data.oneStopDesks}
      columns={columns}
      hrefOf={deskHref}
      searchLabel={t('organisation.desks.search')}
      categoryLabel={t('organisation.fields.level')}
      categories={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
      create={{ label: t('organisation.desks.create'), testId: 'create-desk', Dialog: DeskCreateDialog }}
    />
  );
}
