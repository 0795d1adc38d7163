import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import HistoryIcon from '@mui/icons-material/History';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDateTime } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { StaffMemberDocument, type StaffDetailFragment } from '../../graphql/generated';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { historyHref } from '../administration/labels';
import { useCanReadAudit } from '../auth/permissions';
import { Section } from '../handover/Section';
import { DetailList, type DetailItem } from '../organisation/DetailList';
import { useCanManageStaff } from './access';
import { StaffAbsences } from './StaffAbsences';
import { StaffStatusChip } from './StaffChips';
import { StaffEditDialog } from './StaffForm';
import { deskHref, StaffAssignments, StaffQualifications, StaffRoster } from './StaffSections';

/** What the register holds of a person; the citizen ID only when the API gives it (their managers and the province's administrators). */
function StaffDetails({ staff }: { staff: StaffDetailFragment }) {
  const { t } = useTranslation();
  const employer = staff.postOffice ? (
    <Link component={RouterLink} to={`/organisation/post-offices/${staff.postOffice.id}`}>
      {staff.postOffice.name}
    </Link>
  ) : staff.agency ? (
    <Link component={RouterLink} to={`/organisation/agencies/${staff.agency.id}`}>
      {staff.agency.name}
    </Link>
  ) : null;
  const items: Array<DetailItem | false> = [
    { label: t('staff.fields.employer'), value: employer },
    {
      label: t('staff.fields.homeDesk'),
      value: staff.homeDesk ? (
        <Link component={RouterLink} to={deskHref(staff.homeDesk.id)}>
          {staff.homeDesk.name}
        </Link>
      ) : null,
    },
    Boolean(staff.homeUnit) && { label: t('staff.fields.homeUnit'), value: staff.homeUnit?.name },
    { label: t('staff.fields.phone'), value: staff.phone },
    { label: t('staff.fields.email'), value: staff.email },
    // Personal data: null to a reader who may not see it, and then not shown at all.
    Boolean(staff.nationalId) && { label: t('staff.fields.nationalId'), value: <span data-testid="staff-national-id-value">{staff.nationalId}</span> },
    { label: t('staff.fields.userAccount'), value: staff.hasUserAccount ? t('staff.page.hasAccount') : t('staff.page.noAccount') },
    { label: t('staff.fields.createdAt'), value: formatDateTime(staff.createdAt) },
    { label: t('staff.fields.updatedAt'), value: formatDateTime(staff.updatedAt) },
  ];
  return (
    <Section title={t('staff.page.sections.details')} testId="staff-details">
      <DetailList items={items.filter((i): i is DetailItem => Boolean(i))} />
    </Section>
  );
}

/** One person: details, desks, qualifications, absences, the coming weeks' roster; edit; the history for audit readers. */
export function StaffPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(StaffMemberDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const staff = data?.staffMember;
  useDocumentTitle(staff?.fullName ?? t('staff.sections.people'));
  const canManage = useCanManageStaff();
  const canReadAudit = useCanReadAudit();
  const [editing, setEditing] = useState(false);
  const problem = apiProblem(error);
  const crumbs = <PageCrumbs label={t('organisation.breadcrumbs')} items={[{ label: t('staff.sections.people'), href: '/staff/people' }, staff && { label: staff.fullName }]} />;

  if (!staff) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={problem}
        loading={loading}
        skeleton={{ titleWidth: '40%', titleHeight: 40, blocks: [200, 160, 160] }}
        notFound={{ title: t('staff.page.notFound'), backHref: '/staff/people', backLabel: t('staff.page.backTo'), testId: 'staff-not-found' }}
      />
    );
  }

  return (
    <Box data-testid="staff-page">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1 }}>
        <Box sx={{ minWidth: 0, '& > nav': { mb: 0 } }}>{crumbs}</Box>
        {canReadAudit && (
          <Button component={RouterLink} to={historyHref('Staff', staff.id)} size="small" startIcon={<HistoryIcon />} sx={{ flexShrink: 0 }} data-testid="action-history">
            {t('organisation.actions.history')}
          </Button>
        )}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h2" component="h2" data-testid="record-name" sx={{ overflowWrap: 'anywhere' }}>
            {staff.fullName}
          </Typography>
          <StaffStatusChip status={staff.status} />
        </Stack>
        {canManage && (
          <Button variant="outlined" startIcon={<EditOutlinedIcon />} onClick={() => setEditing(true)} sx={{ alignSelf: { xs: 'flex-start', sm: 'center' } }} data-testid="edit-staff">
            {t('staff.page.edit')}
          </Button>
        )}
      </Stack>
      <Stack spacing={2}>
        <StaffDetails staff={staff} />
        <StaffAssignments staff={staff} canManage={canManage} />
        <StaffQualifications staff={staff} canManage={canManage} />
        <StaffAbsences staffId={staff.id} name={staff.fullName} absences={staff.absences} canManage={canManage} />
        <StaffRoster staffId={staff.id} absences={staff.absences} />
      </Stack>
      {editing && <StaffEditDialog staff={staff} onClose={() => setEditing(false)} onReload={() => void refetch()} />}
    </Box>
  );
}
