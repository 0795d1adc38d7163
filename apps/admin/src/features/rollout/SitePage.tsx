import Typography from '@mui/material/Typography';

/** Placeholder: being built. */
export function SitePage() {
  return <Typography>SitePage</Typography>;
}
