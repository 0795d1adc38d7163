import Typography from '@mui/material/Typography';

/** Placeholder: being built. */
export function PhasePage() {
  return <Typography>PhasePage</Typography>;
}
