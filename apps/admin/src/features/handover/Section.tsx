import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

interface SectionProps {
  title: string;
  /** A line under the title (a count, a hint). */
  subtitle?: ReactNode;
  /** Buttons on the right of the title. */
  action?: ReactNode;
  id?: string;
  testId?: string;
  children: ReactNode;
}

/** A titled block of a page (the site page's sections), with its actions on the right. */
export function Section({ title, subtitle, action, id, testId, children }: SectionProps) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} id={id} data-testid={testId} sx={{ p: { xs: 2, md: 3 }, minWidth: 0 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="subtitle1" component="h3" id={headingId} sx={{ fontWeight: 500 }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary" component="div">
              {subtitle}
            </Typography>
          )}
        </Box>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}
