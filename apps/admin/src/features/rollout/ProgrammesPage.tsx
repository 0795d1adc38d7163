import Typography from '@mui/material/Typography';

/** Placeholder: being built. */
export function ProgrammesPage() {
  return <Typography>ProgrammesPage</Typography>;
}
