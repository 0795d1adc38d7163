import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { HandoverPersonnelFieldsFragment } from '../../graphql/generated';
import { HandoverCard, type HandoverAction } from './HandoverCard';
import { HandoverEffectiveDialog, HandoverReverseDialog, HandoverSignDialog } from './HandoverStatusDialogs';
import { PersonnelHandoverDialog } from './PersonnelHandoverDialog';
import { Section } from './Section';

interface Person {
  fullName: string;
  position?: string | null;
  employer: string;
}

/** Names with position and employer. */
export function PeopleList({ title, people, empty, testId }: { title: string; people: readonly Person[]; empty: string; testId: string }) {
  return (
    <Box sx={{ flex: '1 1 260px', minWidth: 0 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">
        {title} ({people.length})
      </Typography>
      {people.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      ) : (
        <List dense disablePadding>
          {people.map((p, i) => (
            <ListItem key={i} disableGutters sx={{ py: 0.25 }}>
              <ListItemText primary={p.fullName} secondary={[p.position, p.employer].filter(Boolean).join(' · ')} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

interface PersonnelHandoverSectionProps {
  siteId: string;
  handovers: readonly HandoverPersonnelFieldsFragment[];
  /** The user may record handovers (and the site takes new ones). */
  canRecord: boolean;
  canCreate: boolean;
  defaults: { relievedEmployer?: string; deployedEmployer?: string };
  onReload: () => void;
}

type Open = { action: 'create' } | { action: HandoverAction; handover: HandoverPersonnelFieldsFragment };

/** Chuyển giao nhân lực of a site: each record with its tasks and people, and the actions its status allows. */
export function PersonnelHandoverSection({ siteId, handovers, canRecord, canCreate, defaults, onReload }: PersonnelHandoverSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  return (
    <Section
      title={t('handover.personnel.sectionTitle')}
      subtitle={t('handover.personnel.count', { count: handovers.length })}
      id="personnel-handovers"
      testId="site-personnel-handovers"
      action={
        canRecord &&
        canCreate && (
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen({ action: 'create' })} data-testid="personnel-create">
            {t('handover.personnel.create')}
          </Button>
        )
      }
    >
      {handovers.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="personnel-empty">
          {t('handover.personnel.empty')}
        </Typography>
      ) : (
        <Stack spacing={1.5}>
          {handovers.map((h) => (
            <HandoverCard key={h.id} kind="personnel" {...h} onAction={canRecord ? (action) => setOpen({ action, handover: h }) : null}>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75, mb: 1.5 }} aria-label={t('handover.fields.tasks')}>
                {h.tasks.map((task) => (
                  <Chip key={task} size="small" label={t(`rollout.labels.handoverTask.${task}`)} />
                ))}
              </Stack>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
                <PeopleList title={t('handover.fields.relieved')} people={h.relieved} empty={t('handover.personnel.noRelieved')} testId={`relieved-${h.id}`} />
                <PeopleList title={t('handover.fields.deployed')} people={h.deployed} empty={t('handover.personnel.noDeployed')} testId={`deployed-${h.id}`} />
              </Stack>
            </HandoverCard>
          ))}
        </Stack>
      )}
      {open?.action === 'create' && <PersonnelHandoverDialog siteId={siteId} defaults={defaults} onClose={close} onReload={onReload} />}
      {open && open.action === 'edit' && <PersonnelHandoverDialog siteId={siteId} handover={open.handover} onClose={close} onReload={onReload} />}
      {open && open.action === 'sign' && (
        <HandoverSignDialog
          kind="personnel"
          handover={open.handover}
          warning={open.handover.deployed.length === 0 ? t('handover.sign.noDeployedWarning') : undefined}
          defaultOrganisations={[defaults.relievedEmployer ?? '', defaults.deployedEmployer ?? '']}
          onClose={close}
          onReload={onReload}
        />
      )}
      {open && open.action === 'effective' && <HandoverEffectiveDialog kind="personnel" handover={open.handover} onClose={close} onReload={onReload} />}
      {open && open.action === 'reverse' && <HandoverReverseDialog kind="personnel" handover={open.handover} onClose={close} onReload={onReload} />}
    </Section>
  );
}
