import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';

/** A titled block of a programme or phase page, with its buttons on the right of the title. */
export function ProgrammeSection({ title, subtitle, actions, children, testId }: { title: string; subtitle?: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: { xs: 2, md: 3 }, mb: 2, minWidth: 0 }} data-testid={testId} aria-label={title}>
      <Box sx={{ display: 'flex', flexWrap: { xs: 'wrap', sm: 'nowrap' }, alignItems: 'flex-start', gap: 1.5, mb: 2 }}>
        <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </Box>
        {actions && <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 1, flexShrink: 0 }}>{actions}</Box>}
      </Box>
      {children}
    </Paper>
  );
}

/** The head of a programme's or a phase's page: its name, a line of chips and links under it, and its buttons (if any) on the right. */
export function ProgrammeHeading({ title, titleSx, testId, children, actions }: { title: ReactNode; titleSx: { mb: number; overflowWrap?: 'anywhere' }; testId: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' }, mb: 2 }}>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography variant="h1" sx={{ fontSize: { xs: '1.35rem', md: '1.6rem' }, ...titleSx }} data-testid={testId}>
          {title}
        </Typography>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          {children}
        </Stack>
      </Box>
      {actions && <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, flexShrink: 0 }}>{actions}</Stack>}
    </Stack>
  );
}

/** The button that moves a programme or a phase on: start or go on (contained), or close (quieter, with a flag). */
export function StatusChangeButton({ closing, label, onClick, testId }: { closing: boolean; label: string; onClick: () => void; testId: string }) {
  return (
    <Button variant="contained" color={closing ? 'inherit' : 'primary'} startIcon={closing ? <FlagOutlinedIcon /> : <PlayArrowIcon />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
