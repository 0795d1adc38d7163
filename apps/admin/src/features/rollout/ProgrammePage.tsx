import Typography from '@mui/material/Typography';

/** Placeholder: being built. */
export function ProgrammePage() {
  return <Typography>ProgrammePage</Typography>;
}
