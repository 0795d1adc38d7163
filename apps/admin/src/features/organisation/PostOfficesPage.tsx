import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import type { GridColDef } from '@mui/x-data-grid';
import { PostOfficesDocument, type PostOfficeRowFragment } from '../../graphql/generated';
import { LinkCell } from './LinkCell';
import { PostOfficeCreateDialog } from './PostOfficeCreateDialog';
import { RecordListPage } from './RecordListPage';
import { POST_OFFICE_KINDS } from './enums';
import { useRecordList } from './useRecordList';

export const postOfficeHref = (row: { id: string }) => `/organisation/post-offices/${row.id}`;

/** Mạng bưu chính: provincial and district post offices, post office counters, BĐVHX. */
export function PostOfficesPage() {
  const { t } = useTranslation();
  const list = useRecordList();
  const result = useQuery(PostOfficesDocument, {
    variables: { ...list.variables, filter: { ...list.filter, kind: list.categoryIn(POST_OFFICE_KINDS) } },
  });

  const columns = useMemo<GridColDef<PostOfficeRowFragment>[]>(
    () => [
      {
        field: 'name',
        headerName: t('organisation.fields.name'),
        flex: 2,
        minWidth: 220,
        renderCell: (p) => <LinkCell params={p} href={postOfficeHref(p.row)} />,
      },
      { field: 'code', headerName: t('organisation.fields.code'), minWidth: 110, flex: 0.6 },
      {
        field: 'kind',
        headerName: t('organisation.fields.kind'),
        minWidth: 150,
        flex: 1,
        sortable: false,
        valueGetter: (_v, row) => t(`postOfficeKinds.${row.kind}`),
      },
      {
        field: 'parent',
        headerName: t('organisation.fields.parentPostOffice'),
        flex: 1.3,
        minWidth: 160,
        sortable: false,
        valueGetter: (_v, row) => row.parent?.name ?? '',
      },
    ],
    [t],
  );

  return (
    <RecordListPage
      title={t('organisation.sections.postOffices')}
      testId="post-offices-grid"
      list={list}
      result={result}
      connectionOf={(data) => data.postOffices}
      columns={columns}
      hrefOf={postOfficeHref}
      searchLabel={t('organisation.postOffices.search')}
      categoryLabel={t('organisation.fields.kind')}
      categories={POST_OFFICE_KINDS.map((k) => ({ value: k, label: t(`postOfficeKinds.${k}`) }))}
      create={{ label: t('organisation.postOffices.create'), testId: 'create-post-office', Dialog: PostOfficeCreateDialog }}
    />
  );
}
