import Typography from '@mui/material/Typography';

/** Placeholder: being built. */
export function HandoverPage() {
  return <Typography>HandoverPage</Typography>;
}
