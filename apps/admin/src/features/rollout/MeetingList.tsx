import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import EventIcon from '@mui/icons-material/Event';
import PlaceOutlinedIcon from '@mui/icons-material/PlaceOutlined';
import { formatDate } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { RolloutActionItemChangeStateDocument, type ActionItemState, type RolloutActionItemFragment, type RolloutMeetingFragment } from '../../graphql/generated';
import { ActionItemStateChip } from './ProgrammeChips';

/** The API's action item machine: OPEN → IN_PROGRESS → DONE; CANCELLED; DONE and CANCELLED reopen. */
export const ACTION_ITEM_MOVES: Record<ActionItemState, readonly ActionItemState[]> = {
  OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['OPEN', 'DONE', 'CANCELLED'],
  DONE: ['OPEN'],
  CANCELLED: ['OPEN'],
};

export const siteHref = (id: string) => `/rollout/sites/${id}`;

/** Steering meetings, newest first: decisions, the sites they touched and the tasks they gave. */
export function MeetingList({ meetings, canEdit }: { meetings: readonly RolloutMeetingFragment[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  if (meetings.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="meetings-empty">
        {t('rollout.meetings.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} data-testid="meetings">
      {problem && (
        <Alert severity="error" onClose={() => setProblem(null)} role="alert" data-testid="action-item-problem">
          {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
        </Alert>
      )}
      {meetings.map((meeting) => (
        <Paper key={meeting.id} variant="outlined" sx={{ p: 2 }} data-testid="meeting">
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
            <Chip size="small" color="primary" variant="outlined" label={t(`rollout.labels.meetingKind.${meeting.kind}`)} />
            <Typography variant="subtitle2" component="h4" sx={{ flexGrow: 1, minWidth: 200 }}>
              {meeting.title}
            </Typography>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ color: 'text.secondary', flexWrap: 'wrap', mb: 1.5 }}>
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <EventIcon fontSize="small" aria-hidden />
              <Typography variant="body2">{formatDate(meeting.heldOn)}</Typography>
            </Stack>
            {meeting.location && (
              <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                <PlaceOutlinedIcon fontSize="small" aria-hidden />
                <Typography variant="body2">{meeting.location}</Typography>
              </Stack>
            )}
          </Stack>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {t('rollout.meetings.fields.decisions')}
          </Typography>
          {meeting.decisions.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('rollout.meetings.noDecisions')}
            </Typography>
          ) : (
            <Box component="ol" sx={{ mt: 0.5, mb: 1.5, pl: 3 }}>
              {meeting.decisions.map((d, i) => (
                <Typography component="li" variant="body2" key={i} sx={{ mb: 0.25 }}>
                  {d}
                </Typography>
              ))}
            </Box>
          )}
          {meeting.sites.length > 0 && (
            <Box sx={{ mb: 1.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 500, mb: 0.5 }}>
                {t('rollout.meetings.fields.sites')}
              </Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }}>
                {meeting.sites.map((s) => (
                  <Chip
                    key={s.id}
                    size="small"
                    clickable
                    component={RouterLink}
                    to={siteHref(s.id)}
                    label={s.oneStopDesk.name}
                    variant="outlined"
                    // A desk's name wraps rather than losing its end ("… huyện Thạch Hà") to an ellipsis.
                    sx={{ height: 'auto', minHeight: 24, maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
                  />
                ))}
              </Stack>
            </Box>
          )}
          <Typography variant="body2" sx={{ fontWeight: 500, mb: 0.5 }}>
            {t('rollout.meetings.fields.actionItems')}
          </Typography>
          {meeting.actionItems.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('rollout.meetings.noActionItems')}
            </Typography>
          ) : (
            <ActionItemTable items={meeting.actionItems} canEdit={canEdit} onProblem={setProblem} />
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function ActionItemTable({ items, canEdit, onProblem }: { items: readonly RolloutActionItemFragment[]; canEdit: boolean; onProblem: (p: ApiProblem | null) => void }) {
  const { t } = useTranslation();
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.meetings.fields.actionItems')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.meetings.fields.actionTitle')}</TableCell>
            <TableCell>{t('rollout.meetings.fields.owner')}</TableCell>
            <TableCell>{t('rollout.meetings.fields.dueOn')}</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t('rollout.meetings.fields.actionSite')}</TableCell>
            <TableCell>{t('rollout.meetings.fields.state')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} data-testid="action-item" data-state={item.state}>
              <TableCell sx={{ minWidth: 200 }}>
                {item.title}
                {item.site && (
                  <Box sx={{ display: { xs: 'block', md: 'none' }, mt: 0.5 }}>
                    <Link component={RouterLink} to={siteHref(item.site.id)} underline="hover" variant="body2">
                      {item.site.oneStopDesk.name}
                    </Link>
                  </Box>
                )}
              </TableCell>
              <TableCell sx={{ minWidth: 120 }}>{item.owner}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', color: item.overdue ? 'error.main' : undefined }}>{formatDate(item.dueOn)}</TableCell>
              <TableCell sx={{ minWidth: 150, display: { xs: 'none', md: 'table-cell' } }}>
                {item.site ? (
                  <Link component={RouterLink} to={siteHref(item.site.id)} underline="hover">
                    {item.site.oneStopDesk.name}
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {canEdit ? <ActionItemStateMenu item={item} onProblem={onProblem} /> : <ActionItemStateChip state={item.state} overdue={item.overdue} />}
                {item.closedOn && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {t('rollout.meetings.closedOn', { date: formatDate(item.closedOn) })}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The item's state as a button that opens the states it may move to. */
function ActionItemStateMenu({ item, onProblem }: { item: RolloutActionItemFragment; onProblem: (p: ApiProblem | null) => void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [change, { loading }] = useMutation(RolloutActionItemChangeStateDocument);
  const move = async (state: ActionItemState) => {
    setAnchor(null);
    onProblem(null);
    try {
      await change({ variables: { input: { id: item.id, version: item.version, state } } });
    } catch (error) {
      onProblem(apiProblem(error));
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color={item.overdue ? 'error' : item.state === 'DONE' ? 'success' : item.state === 'CANCELLED' ? 'inherit' : 'primary'}
        endIcon={<ArrowDropDownIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={loading}
        aria-haspopup="menu"
        aria-label={t('rollout.meetings.changeState', { title: item.title, state: t(`rollout.labels.actionItemState.${item.state}`) })}
        data-testid="action-item-state-button"
      >
        {t(`rollout.labels.actionItemState.${item.state}`)}
        {item.overdue ? ` · ${t('rollout.meetings.overdue')}` : ''}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {ACTION_ITEM_MOVES[item.state].map((state) => (
          <MenuItem key={state} onClick={() => void move(state)} data-testid={`action-item-move-${state}`}>
            {t(`rollout.meetings.moveTo.${state}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
