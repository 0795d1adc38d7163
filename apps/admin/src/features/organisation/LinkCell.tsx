import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import type { GridRenderCellParams, GridValidRowModel } from '@mui/x-data-grid';

/** A name cell that is a real link (middle-click, open in new tab), focusable with the cell. */
export function LinkCell<R extends GridValidRowModel>({ params, href }: { params: GridRenderCellParams<R>; href: string }) {
  return (
    <Link component={RouterLink} to={href} tabIndex={params.tabIndex} underline="hover" sx={{ fontWeight: 500 }}>
      {params.value as string}
    </Link>
  );
}
