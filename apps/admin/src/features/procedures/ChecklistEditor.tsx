import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { fieldHelp } from '../../components/FieldHelp';

/** One line of the checklist being edited (counts as typed). */
export interface ChecklistLine {
  /** A key for React only (lines move). */
  key: string;
  name: string;
  originals: string;
  copies: string;
  required: boolean;
}

/** The API's limits (ProcedureComponentInput): up to 60 lines, names up to 500 characters, 0–99 of each. */
export const CHECKLIST_MAX = 60;
export const COMPONENT_NAME_MAX = 500;
export const COPIES_MAX = 99;

let nextKey = 0;
export const newLine = (init: Partial<ChecklistLine> = {}): ChecklistLine => ({ key: `line-${nextKey++}`, name: '', originals: '1', copies: '0', required: true, ...init });

interface Props {
  lines: readonly ChecklistLine[];
  onChange: (lines: ChecklistLine[]) => void;
  /** The message under a line's field, by its path (`components.<i>.name`). */
  message: (path: string) => string | undefined;
}

/**
 * Thành phần hồ sơ: the ordered checklist of documents, each with its originals and copies and
 * whether it is needed only in some cases ("nếu có"); lines added, removed and moved up or down.
 */
export function ChecklistEditor({ lines, onChange, message }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<ChecklistLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...lines];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} data-testid="checklist-editor">
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {t('procedures.fields.components')}
      </Typography>
      {message('components') && (
        <Typography variant="body2" color="error" sx={{ mb: 1 }}>
          {message('components')}
        </Typography>
      )}
      {lines.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('procedures.checklist.empty')}
        </Typography>
      )}
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
        {lines.map((line, i) => {
          const n = i + 1;
          return (
            <Paper component="li" variant="outlined" key={line.key} data-testid={`checklist-line-${i}`} sx={{ p: 1.5, display: 'grid', gap: 1.25, gridTemplateColumns: { xs: '1fr', md: '32px minmax(0, 1fr) 96px 96px auto auto' }, alignItems: 'start' }}>
              <Typography sx={{ pt: { md: 1 }, fontWeight: 600, color: 'text.secondary' }} aria-hidden>
                {n}.
              </Typography>
              <TextField
                size="small"
                label={t('procedures.checklist.name')}
                value={line.name}
                onChange={(e) => update(i, { name: e.target.value })}
                required
                multiline
                {...fieldHelp({ error: message(`components.${i}.name`) })}
                slotProps={{ htmlInput: { 'aria-label': t('procedures.checklist.nameOf', { n }), 'data-testid': `checklist-name-${i}`, maxLength: COMPONENT_NAME_MAX } }}
              />
              <TextField
                size="small"
                type="number"
                label={t('procedures.checklist.originals')}
                value={line.originals}
                onChange={(e) => update(i, { originals: e.target.value })}
                {...fieldHelp({ error: message(`components.${i}.originals`) })}
                slotProps={{ htmlInput: { min: 0, max: COPIES_MAX, inputMode: 'numeric', 'aria-label': t('procedures.checklist.originalsOf', { n }), 'data-testid': `checklist-originals-${i}` } }}
              />
              <TextField
                size="small"
                type="number"
                label={t('procedures.checklist.copies')}
                value={line.copies}
                onChange={(e) => update(i, { copies: e.target.value })}
                {...fieldHelp({ error: message(`components.${i}.copies`) })}
                slotProps={{ htmlInput: { min: 0, max: COPIES_MAX, inputMode: 'numeric', 'aria-label': t('procedures.checklist.copiesOf', { n }), 'data-testid': `checklist-copies-${i}` } }}
              />
              <FormControlLabel
                sx={{ mr: 0, whiteSpace: 'nowrap' }}
                control={
                  <Checkbox
                    checked={!line.required}
                    onChange={(e) => update(i, { required: !e.target.checked })}
                    slotProps={{ input: { 'data-testid': `checklist-if-any-${i}` } as object }}
                  />
                }
                label={t('procedures.checklist.ifAny')}
              />
              <Box sx={{ display: 'flex', whiteSpace: 'nowrap' }}>
                <Tooltip title={t('procedures.checklist.moveUp', { n: n - 1 })}>
                  <span>
                    <IconButton size="small" aria-label={t('procedures.checklist.moveUp', { n: n - 1 })} disabled={i === 0} onClick={() => move(i, -1)} data-testid={`checklist-up-${i}`}>
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('procedures.checklist.moveDown', { n: n + 1 })}>
                  <span>
                    <IconButton size="small" aria-label={t('procedures.checklist.moveDown', { n: n + 1 })} disabled={i === lines.length - 1} onClick={() => move(i, 1)} data-testid={`checklist-down-${i}`}>
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('procedures.checklist.remove', { n })}>
                  <IconButton size="small" color="error" aria-label={t('procedures.checklist.remove', { n })} onClick={() => onChange(lines.filter((_l, j) => j !== i))} data-testid={`checklist-remove-${i}`}>
                    <DeleteOutlineIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Box>
            </Paper>
          );
        })}
      </Box>
      <Button startIcon={<AddIcon />} onClick={() => onChange([...lines, newLine()])} disabled={lines.length >= CHECKLIST_MAX} sx={{ mt: 1 }} data-testid="checklist-add">
        {t('procedures.checklist.add')}
      </Button>
    </Box>
  );
}
