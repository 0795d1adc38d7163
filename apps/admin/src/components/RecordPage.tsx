import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ApiProblem } from '../graphql/errors';
import { ProblemAlert } from './ProblemAlert';

/** One step of {@link PageCrumbs}: a link, or (without `href`) the page itself. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The breadcrumbs of a record's page: links up the way, the record's own name last; absent steps are left out. */
export function PageCrumbs({ label, items }: { label: string; items: ReadonlyArray<Crumb | false | null | undefined> }) {
  return (
    <Breadcrumbs aria-label={label} sx={{ mb: 1 }}>
      {items
        .filter((c): c is Crumb => Boolean(c))
        .map((c, i) =>
          c.href ? (
            <Link key={i} component={RouterLink} to={c.href} underline="hover" color="inherit">
              {c.label}
            </Link>
          ) : (
            <Typography key={i} color="text.primary">
              {c.label}
            </Typography>
          ),
        )}
    </Breadcrumbs>
  );
}

interface RecordPageFallbackProps {
  crumbs: ReactNode;
  problem: ApiProblem | null;
  /** Shown for `problem` instead of the app's ProblemAlert (e.g. with a retry button). */
  problemAlert?: ReactNode;
  loading: boolean;
  /** With it, the skeleton is marked busy under this name. */
  loadingLabel?: string;
  /** The skeleton's title line and the heights of the blocks under it. */
  skeleton: { titleWidth: string; titleHeight: number; blocks: readonly number[] };
  notFound: { title: string; backHref: string; backLabel: string; testId: string };
}

/** A record's page while it has no record to show: the problem, a skeleton while loading, else "not found" with a way back. */
export function RecordPageFallback({ crumbs, problem, problemAlert, loading, loadingLabel, skeleton, notFound }: RecordPageFallbackProps) {
  if (problem) {
    return (
      <>
        {crumbs}
        {problemAlert ?? <ProblemAlert problem={problem} />}
      </>
    );
  }
  if (loading) {
    const blocks = (
      <>
        {crumbs}
        <Skeleton variant="text" width={skeleton.titleWidth} height={skeleton.titleHeight} />
        {skeleton.blocks.map((height, i) => (
          <Skeleton key={i} variant="rounded" height={height} sx={i < skeleton.blocks.length - 1 ? { mb: 2 } : undefined} />
        ))}
      </>
    );
    return loadingLabel ? (
      <Box aria-busy="true" aria-label={loadingLabel}>
        {blocks}
      </Box>
    ) : (
      blocks
    );
  }
  return (
    <>
      {crumbs}
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid={notFound.testId}>
        <Typography variant="h2" gutterBottom>
          {notFound.title}
        </Typography>
        <Button component={RouterLink} to={notFound.backHref} variant="outlined">
          {notFound.backLabel}
        </Button>
      </Paper>
    </>
  );
}
