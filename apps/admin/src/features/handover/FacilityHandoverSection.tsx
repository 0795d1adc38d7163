import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import type { HandoverFacilityFieldsFragment } from '../../graphql/generated';
import { formatDate } from '../../dates';
import { DetailList } from '../organisation/DetailList';
import { FacilityHandoverDialog } from './FacilityHandoverDialog';
import { HandoverCard, type HandoverAction } from './HandoverCard';
import { formatCount, formatVnd } from './HandoverForm';
import { HandoverEffectiveDialog, HandoverReverseDialog, HandoverSignDialog } from './HandoverStatusDialogs';
import { Section } from './Section';

function PremisesBox({ title, premises, empty }: { title: string; premises?: { address: string; owner: string } | null; empty: string }) {
  return (
    <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {title}
      </Typography>
      {premises ? (
        <>
          <Typography variant="body2">{premises.address}</Typography>
          <Typography variant="body2" color="text.secondary">
            {premises.owner}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      )}
    </Box>
  );
}

/** The equipment lines with their total. */
export function EquipmentTable({ lines, testId }: { lines: HandoverFacilityFieldsFragment['equipment']; testId: string }) {
  const { t } = useTranslation();
  const total = lines.reduce((sum, e) => sum + e.value, 0);
  return (
    <TableContainer sx={{ mt: 1.5 }}>
      <Table size="small" aria-label={t('handover.fields.equipment')} data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('handover.fields.equipmentType')}</TableCell>
            <TableCell align="right">{t('handover.fields.quantity')}</TableCell>
            <TableCell align="right">{t('handover.fields.valueVnd')}</TableCell>
            <TableCell>{t('handover.fields.fundedBy')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((e, i) => (
            <TableRow key={i}>
              <TableCell>{e.type}</TableCell>
              <TableCell align="right">{formatCount(e.quantity)}</TableCell>
              <TableCell align="right">{formatVnd(e.value)}</TableCell>
              <TableCell>{e.fundedBy}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter sx={{ '& .MuiTableCell-root': { color: 'text.primary', fontWeight: 500, fontSize: '0.875rem', borderBottom: 0 } }}>
          <TableRow>
            <TableCell colSpan={2}>{t('handover.facility.equipmentTotal')}</TableCell>
            <TableCell align="right">{formatVnd(total)}</TableCell>
            <TableCell />
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
}

interface FacilityHandoverSectionProps {
  siteId: string;
  handovers: readonly HandoverFacilityFieldsFragment[];
  canRecord: boolean;
  canCreate: boolean;
  defaults: { before?: { address: string; owner: string }; after?: { address: string; owner: string }; organisations?: readonly string[] };
  onReload: () => void;
}

type Open = { action: 'create' } | { action: HandoverAction; handover: HandoverFacilityFieldsFragment };

/** Chuyển giao cơ sở vật chất of a site: premises before and after, equipment, investment, and the actions its status allows. */
export function FacilityHandoverSection({ siteId, handovers, canRecord, canCreate, defaults, onReload }: FacilityHandoverSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  return (
    <Section
      title={t('handover.facility.sectionTitle')}
      subtitle={t('handover.facility.count', { count: handovers.length })}
      id="facility-handovers"
      testId="site-facility-handovers"
      action={
        canRecord &&
        canCreate && (
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen({ action: 'create' })} data-testid="facility-create">
            {t('handover.facility.create')}
          </Button>
        )
      }
    >
      {handovers.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="facility-empty">
          {t('handover.facility.empty')}
        </Typography>
      ) : (
        <Stack spacing={1.5}>
          {handovers.map((h) => (
            <HandoverCard key={h.id} kind="facility" {...h} onAction={canRecord ? (action) => setOpen({ action, handover: h }) : null}>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
                <PremisesBox title={t('handover.fields.premisesBefore')} premises={h.premisesBefore} empty={t('handover.facility.noPremises')} />
                <ArrowForwardIcon color="action" aria-hidden sx={{ display: { xs: 'none', sm: 'block' } }} />
                <PremisesBox title={t('handover.fields.premisesAfter')} premises={h.premisesAfter} empty={t('handover.facility.noPremises')} />
              </Stack>
              {h.equipment.length > 0 ? (
                <EquipmentTable lines={h.equipment} testId={`equipment-${h.id}`} />
              ) : (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
                  {t('handover.facility.noEquipment')}
                </Typography>
              )}
              <Box sx={{ mt: 1.5 }}>
                <DetailList
                  items={[
                    { label: t('handover.fields.constructionCost'), value: formatVnd(h.constructionCost) },
                    { label: t('handover.fields.investmentTotal'), value: <strong data-testid={`investment-${h.id}`}>{formatVnd(h.investmentTotal)}</strong> },
                    { label: t('handover.fields.relocationOn'), value: h.relocationOn ? formatDate(h.relocationOn) : t('handover.facility.noRelocation') },
                    { label: t('handover.fields.conditionNotes'), value: h.conditionNotes || '—' },
                  ]}
                />
              </Box>
            </HandoverCard>
          ))}
        </Stack>
      )}
      {open?.action === 'create' && (
        <FacilityHandoverDialog siteId={siteId} defaults={{ before: defaults.before, after: defaults.after }} onClose={close} onReload={onReload} />
      )}
      {open && open.action === 'edit' && <FacilityHandoverDialog siteId={siteId} handover={open.handover} onClose={close} onReload={onReload} />}
      {open && open.action === 'sign' && (
        <HandoverSignDialog kind="facility" handover={open.handover} defaultOrganisations={defaults.organisations} onClose={close} onReload={onReload} />
      )}
      {open && open.action === 'effective' && <HandoverEffectiveDialog kind="facility" handover={open.handover} onClose={close} onReload={onReload} />}
      {open && open.action === 'reverse' && <HandoverReverseDialog kind="facility" handover={open.handover} onClose={close} onReload={onReload} />}
    </Section>
  );
}
