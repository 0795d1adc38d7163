import { useEffect, useState } from 'react';
import { isValid } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { UnitTreeChildrenDocument, UnitTreeRootsDocument, type UnitTreeNodeFragment } from '../../graphql/generated';
import { apiProblem } from '../../graphql/errors';
import { DATE_FORMAT, formatDate, fromIsoDate, isIsoDate, toIsoDate, todayIso } from '../../dates';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

const CHILDREN_PAGE = 50;

/**
 * Đơn vị hành chính: the tree of units in force on a chosen day. Before 1/7/2025 a province has
 * districts and they have communes; after it, communes sit directly under the (merged) province.
 * A unit's children load when it is opened.
 */
export function UnitTreePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisation.sections.units'));
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayIso();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // What the date field shows while it is being typed in; the tree follows once it is a whole day.
  const [draft, setDraft] = useState<Date | null>(fromIsoDate(asOf));
  const [draftFor, setDraftFor] = useState(asOf);
  if (draftFor !== asOf) {
    setDraftFor(asOf);
    setDraft(fromIsoDate(asOf));
  }
  const settled = useDebouncedValue(draft, 400);
  const { data, loading, error } = useQuery(UnitTreeRootsDocument, { variables: { asOf } });
  // Only the tree of the day asked for: opened units of another day would ask for their children again.
  const roots = data?.administrativeUnits;

  const setAsOf = (value: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && value !== todayIso()) next.set('asOf', value);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  };
  useEffect(() => {
    // Only whole, plausible days reach the API (typing "2" of "2026" is not year 2).
    if (settled && isValid(settled) && settled.getFullYear() >= 1900 && settled.getFullYear() <= 2100) {
      const iso = toIsoDate(settled);
      if (iso !== asOf) setAsOf(iso);
    }
    // Runs when the typed day settles; asOf and setAsOf are read fresh on that render.
  }, [settled]);
  const toggle = (code: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const problem = apiProblem(error);

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <DatePicker
          label={t('organisation.units.asOf')}
          format={DATE_FORMAT}
          value={draft}
          onChange={setDraft}
          slotProps={{ textField: { size: 'small', sx: { width: 200 }, id: 'as-of', 'data-testid': 'as-of' } as object }}
        />
        <Button variant="text" onClick={() => setAsOf(null)} disabled={asOf === todayIso()}>
          {t('organisation.units.today')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {roots && (
          <Typography variant="body2" color="text.secondary" data-testid="unit-root-count">
            {t('organisation.units.provinceCount', { count: roots.totalCount, date: formatDate(asOf) })}
          </Typography>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('organisation.units.hint')}
      </Typography>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        {loading && <LinearProgress aria-label={t('status.loading')} />}
        {!roots && loading && (
          <Box sx={{ p: 2 }}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={36} />
            ))}
          </Box>
        )}
        {roots && roots.edges.length === 0 && (
          <Typography color="text.secondary" sx={{ p: 2 }}>
            {t('organisation.units.none')}
          </Typography>
        )}
        {roots && roots.edges.length > 0 && (
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label={t('organisation.units.treeLabel')} data-testid="unit-tree">
            {roots.edges.map(({ node }) => (
              <UnitNode key={node.id} unit={node} depth={0} asOf={asOf} expanded={expanded} onToggle={toggle} />
            ))}
          </Box>
        )}
      </Paper>
    </>
  );
}

interface UnitNodeProps {
  unit: UnitTreeNodeFragment;
  depth: number;
  asOf: string;
  expanded: ReadonlySet<string>;
  onToggle: (code: string) => void;
}

function UnitNode({ unit, depth, asOf, expanded, onToggle }: UnitNodeProps) {
  const { t } = useTranslation();
  const canOpen = unit.level !== 'COMMUNE';
  const open = canOpen && expanded.has(unit.code);
  const childrenId = `unit-children-${unit.code}`;
  return (
    <Box component="li" data-testid="unit-node" data-code={unit.code} data-level={unit.level}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          pl: 1 + depth * 3,
          pr: 2,
          py: 0.5,
          borderBottom: 1,
          borderColor: 'divider',
          minHeight: 44,
          '&:hover': { bgcolor: 'action.hover' },
        }}
      >
        {canOpen ? (
          <IconButton
            size="small"
            onClick={() => onToggle(unit.code)}
            aria-expanded={open}
            aria-controls={open ? childrenId : undefined}
            aria-label={t(open ? 'organisation.units.collapse' : 'organisation.units.expand', { name: unit.name })}
            data-testid="unit-toggle"
          >
            {open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
          </IconButton>
        ) : (
          <Box sx={{ width: 34, flexShrink: 0 }} />
        )}
        <Box sx={{ minWidth: 0, flexGrow: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1.5 }}>
          <Typography variant="body2" sx={{ fontWeight: depth === 0 ? 500 : 400 }} data-testid="unit-name">
            {unit.name}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {unit.code}
          </Typography>
        </Box>
        <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'none', sm: 'block' }, whiteSpace: 'nowrap' }}>
          {unit.validTo
            ? t('organisation.units.validBetween', { from: formatDate(unit.validFrom), to: formatDate(unit.validTo) })
            : t('organisation.units.validFrom', { from: formatDate(unit.validFrom) })}
        </Typography>
        <Chip size="small" variant="outlined" label={t(`levels.${unit.level}`)} sx={{ flexShrink: 0 }} />
      </Box>
      {open && <UnitChildren id={childrenId} code={unit.code} depth={depth + 1} asOf={asOf} expanded={expanded} onToggle={onToggle} />}
    </Box>
  );
}

interface UnitChildrenProps {
  id: string;
  code: string;
  depth: number;
  asOf: string;
  expanded: ReadonlySet<string>;
  onToggle: (code: string) => void;
}

/** The children of an opened unit, a page at a time ("show more" asks for the next page). */
function UnitChildren({ id, code, depth, asOf, expanded, onToggle }: UnitChildrenProps) {
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <Box component="ul" id={id} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {pages.map((after, index) => (
        <UnitChildrenPage
          key={after ?? 'first'}
          code={code}
          after={after}
          depth={depth}
          asOf={asOf}
          expanded={expanded}
          onToggle={onToggle}
          isLast={index === pages.length - 1}
          onMore={(cursor) => setPages((p) => [...p, cursor])}
        />
      ))}
    </Box>
  );
}

function UnitChildrenPage({
  code,
  after,
  depth,
  asOf,
  expanded,
  onToggle,
  isLast,
  onMore,
}: Omit<UnitChildrenProps, 'id'> & { after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(UnitTreeChildrenDocument, { variables: { code, asOf, first: CHILDREN_PAGE, after } });
  const children = data?.administrativeUnit?.children;
  const indent = { pl: 1 + depth * 3 + 5.5, py: 1 };
  if (loading && !children) {
    return (
      <Box component="li" sx={indent}>
        <Skeleton width="40%" />
      </Box>
    );
  }
  if (error) {
    const problem = apiProblem(error);
    return (
      <Box component="li" sx={indent}>
        <Typography variant="body2" color="error">
          {problem?.code === 'NETWORK' ? t('errors.network') : problem?.message}
        </Typography>
      </Box>
    );
  }
  if (!children) return null;
  return (
    <>
      {after === null && children.totalCount === 0 && (
        <Box component="li" sx={indent}>
          <Typography variant="body2" color="text.secondary">
            {t('organisation.units.noChildren')}
          </Typography>
        </Box>
      )}
      {children.edges.map(({ node }) => (
        <UnitNode key={node.id} unit={node} depth={depth} asOf={asOf} expanded={expanded} onToggle={onToggle} />
      ))}
      {isLast && children.pageInfo.hasNextPage && children.pageInfo.endCursor && (
        <Box component="li" sx={{ ...indent, py: 0.5 }}>
          <Button size="small" onClick={() => onMore(children.pageInfo.endCursor!)}>
            {t('organisation.units.showMore', { count: children.totalCount })}
          </Button>
        </Box>
      )}
    </>
  );
}
