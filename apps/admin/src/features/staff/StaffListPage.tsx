import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { todayIso } from '../../dates';
import { StaffFilterNamesDocument, StaffMembersDocument, StaffProcedureFieldsDocument, type StaffFilter, type StaffRowFragment, type StaffStatus } from '../../graphql/generated';
import { FilterSelect } from '../../components/FilterSelect';
import { ListGrid } from '../../components/ListGrid';
import { ListToolbar } from '../../components/ListToolbar';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { LinkCell } from '../organisation/LinkCell';
import type { Option } from '../organisation/SearchAutocomplete';
import { useCanManageStaff } from './access';
import { STAFF_STATUSES } from './enums';
import { EXPIRING_WITHIN_DAYS } from './qualifications';
import { StaffDeskPicker, StaffPostOfficePicker } from './pickers';
import { QualificationChips, StaffStatusChip } from './StaffChips';
import { StaffCreateDialog } from './StaffForm';

export const staffHref = (row: { id: string }) => `/staff/people/${row.id}`;

/**
 * The filters of the grid, kept in the address: q, po (post office), desk, field, status, expiring=1, and
 * agency (an agency's page links here; shown as a chip, as no picker offers it).
 */
const PARAM = { search: 'q', postOffice: 'po', desk: 'desk', agency: 'agency', field: 'field', status: 'status', expiring: 'expiring' } as const;
/** The status filter's choice of every status (the API's default is the current ones). */
const ALL = 'ALL';

/** The employer of a person: their post office or agency. */
export const employerOf = (row: { postOffice?: { name: string } | null; agency?: { name: string } | null }) => row.postOffice?.name ?? row.agency?.name ?? '';

/**
 * Nhân viên: the register of the province, server-paginated by name (diacritics ignored), filtered by
 * employing post office, desk, procedure field, status, and qualifications expiring within 30 days;
 * each person's qualifications with the expiring ones amber and the expired red, in words.
 */
export function StaffListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('staff.list.title'));
  const canManage = useCanManageStaff();
  const [creating, setCreating] = useState(false);
  const { params, set } = useAddressParams();
  const search = params.get(PARAM.search) ?? '';
  const postOfficeId = params.get(PARAM.postOffice) ?? '';
  const deskId = params.get(PARAM.desk) ?? '';
  const agencyId = params.get(PARAM.agency) ?? '';
  const fieldId = params.get(PARAM.field) ?? '';
  const rawStatus = params.get(PARAM.status) ?? '';
  const status = rawStatus === ALL || STAFF_STATUSES.includes(rawStatus as StaffStatus) ? rawStatus : '';
  const expiring = params.get(PARAM.expiring) === '1';
  const today = todayIso();

  const filter: StaffFilter = {
    search: search || null,
    postOfficeId: postOfficeId || null,
    deskId: deskId || null,
    ...(agencyId ? { agencyId } : {}),
    fieldId: fieldId || null,
    status: status === ALL ? [...STAFF_STATUSES] : status ? [status as StaffStatus] : null,
    expiringWithinDays: expiring ? EXPIRING_WITHIN_DAYS : null,
  };
  const pages = useCursorPages(JSON.stringify(filter));
  const result = useQuery(StaffMembersDocument, { variables: { first: pages.first, after: pages.after, filter } });
  const page = useGridPage(pages, result, result.data?.staffMembers, result.previousData?.staffMembers);
  const { data: fields } = useQuery(StaffProcedureFieldsDocument);
  // The names of a post office, desk or agency chosen before the page was (re)loaded, or named by a link.
  const { data: names } = useQuery(StaffFilterNamesDocument, {
    variables: {
      postOfficeId: postOfficeId || '',
      deskId: deskId || '',
      agencyId: agencyId || '',
      withPostOffice: Boolean(postOfficeId),
      withDesk: Boolean(deskId),
      withAgency: Boolean(agencyId),
    },
    skip: !postOfficeId && !deskId && !agencyId,
  });
  const postOffice: Option | null = postOfficeId ? { id: postOfficeId, label: names?.postOffice?.name ?? '' } : null;
  const desk: Option | null = deskId ? { id: deskId, label: names?.oneStopDesk?.name ?? '' } : null;

  const columns = useMemo<GridColDef<StaffRowFragment>[]>(
    () => [
      { field: 'fullName', headerName: t('staff.fields.fullName'), flex: 1.2, minWidth: 180, renderCell: (p) => <LinkCell params={p} href={staffHref(p.row)} /> },
      { field: 'employer', headerName: t('staff.fields.employer'), flex: 1.2, minWidth: 170, valueGetter: (_v, row) => employerOf(row) },
      { field: 'homeDesk', headerName: t('staff.fields.homeDesk'), flex: 1.4, minWidth: 190, valueGetter: (_v, row) => row.homeDesk?.name ?? '—' },
      {
        field: 'qualifications',
        headerName: t('staff.fields.qualifications'),
        flex: 2,
        minWidth: 260,
        renderCell: (p) => <QualificationChips qualifications={p.row.qualifications} today={today} />,
      },
      { field: 'status', headerName: t('staff.fields.status'), minWidth: 140, renderCell: (p) => <StaffStatusChip status={p.row.status} /> },
    ],
    [t, today],
  );

  return (
    <>
      <ListToolbar
        search={search}
        onSearch={(text) => set(PARAM.search, text)}
        searchLabel={t('staff.list.search')}
        searchTestId="staff-search"
        countText={page.connection ? t('staff.list.count', { count: page.connection.totalCount }) : ''}
        action={
          canManage && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-staff">
              {t('staff.list.create')}
            </Button>
          )
        }
      >
        <Box sx={{ flex: '1 1 240px', minWidth: 200 }}>
          <StaffPostOfficePicker
            label={t('staff.list.postOffice')}
            value={postOffice}
            onChange={(next) => set(PARAM.postOffice, next?.id ?? '')}
            size="small"
            testId="staff-filter-post-office"
          />
        </Box>
        <Box sx={{ flex: '1 1 240px', minWidth: 200 }}>
          <StaffDeskPicker label={t('staff.list.desk')} value={desk} onChange={(next) => set(PARAM.desk, next?.id ?? '')} size="small" testId="staff-filter-desk" />
        </Box>
        <FilterSelect
          label={t('staff.list.field')}
          value={fields ? fieldId : ''}
          onChange={(value) => set(PARAM.field, value)}
          allLabel={t('staff.list.allFields')}
          options={(fields?.procedureFields ?? []).map((f) => ({ value: f.id, label: f.name }))}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          testId="staff-filter-field"
        />
        <FilterSelect
          label={t('staff.list.status')}
          value={status}
          onChange={(value) => set(PARAM.status, value)}
          allLabel={t('staff.list.currentStatuses')}
          options={[...STAFF_STATUSES.map((s) => ({ value: s, label: t(`staff.labels.staffStatus.${s}`) })), { value: ALL, label: t('staff.list.allStatuses') }]}
          sx={{ flex: '0 1 260px', minWidth: 240 }}
          testId="staff-filter-status"
        />
        {agencyId && (
          <Chip
            label={t('staff.list.agency', { name: names?.agency?.name ?? '…' })}
            onDelete={() => set(PARAM.agency, '')}
            sx={{ maxWidth: '100%' }}
            data-testid="staff-filter-agency"
          />
        )}
        <FormControlLabel
          control={<Switch checked={expiring} onChange={(e) => set(PARAM.expiring, e.target.checked ? '1' : '')} slotProps={{ input: { 'data-testid': 'staff-filter-expiring' } as object }} />}
          label={t('staff.list.expiring')}
          sx={{ mr: 0 }}
        />
      </ListToolbar>
      <ListGrid label={t('staff.list.title')} testId="staff-grid" columns={columns} {...page.grid} onOpen={(row) => void navigate(staffHref(row))} />
      {creating && <StaffCreateDialog onClose={() => setCreating(false)} onCreated={(id) => void navigate(staffHref({ id }))} />}
    </>
  );
}
