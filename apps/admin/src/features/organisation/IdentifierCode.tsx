import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useCanEditOrganisation } from '../auth/permissions';
import { IdentifierCodeDialog } from './RecordDialogs';

interface IdentifierCodeProps {
  code: string | null;
  /** A desk without its own code numbers its dossiers from its agency's: shown instead, as such. */
  inherited?: string | null;
  retired: boolean;
  /** Sends the mutation with the new code (null removes it). */
  submit: (code: string | null) => Promise<unknown>;
  hint: string;
}

/**
 * The value of "Mã định danh điện tử" on an agency's or a desk's page: the code (or what stands in for
 * it), and for those who keep the organisation a button that sets it. Without a code, a desk cannot
 * receive dossiers: the page says so.
 */
export function IdentifierCode({ code, inherited, retired, submit, hint }: IdentifierCodeProps) {
  const { t } = useTranslation();
  const canEdit = useCanEditOrganisation() && !retired;
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
      {code ? (
        <code data-testid="identifier-code">{code}</code>
      ) : inherited ? (
        <span data-testid="identifier-code">{t('organisation.identifierCode.inherited', { code: inherited })}</span>
      ) : (
        <Typography component="span" variant="body2" color="warning.main" data-testid="identifier-code">
          {t('organisation.identifierCode.missing')}
        </Typography>
      )}
      {canEdit && (
        <Button size="small" onClick={() => setOpen(true)} data-testid="identifier-code-edit">
          {code ? t('organisation.identifierCode.change') : t('organisation.identifierCode.set')}
        </Button>
      )}
      {open && <IdentifierCodeDialog open onClose={() => setOpen(false)} current={code} hint={hint} submit={submit} />}
    </Box>
  );
}
