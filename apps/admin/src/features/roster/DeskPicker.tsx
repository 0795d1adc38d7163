import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import { todayIso } from '../../dates';
import { RosterDeskOptionsDocument, RosterMeDocument, RosterMyDesksDocument } from '../../graphql/generated';
import { renderOptionWithDetail, useAutocompleteTexts } from '../../components/autocomplete';
import { chooseInput } from '../../components/choose';
import { fieldHelp } from '../../components/FieldHelp';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

export interface DeskOption {
  id: string;
  label: string;
  /** The desk's code, for those found by searching. */
  detail?: string;
  mine: boolean;
}

const collator = new Intl.Collator('vi');

/**
 * The desks a manager rosters: those their post office's people are deployed to today, and those of
 * the pilot sites it partners; a counter clerk's own desk. Sorted in Vietnamese order; `busiest`: the one
 * most of its people are deployed to.
 */
export function useMyDesks(): { desks: DeskOption[]; busiest: DeskOption | null; loading: boolean } {
  const me = useQuery(RosterMeDocument);
  const postOfficeId = me.data?.me.postOffice?.id;
  const mine = useQuery(RosterMyDesksDocument, { variables: { postOfficeId: postOfficeId ?? '' }, skip: !postOfficeId });
  return useMemo(() => {
    const today = todayIso();
    const byId = new Map<string, { label: string; people: number }>();
    const add = (id: string, label: string, people: number) => byId.set(id, { label, people: (byId.get(id)?.people ?? 0) + people });
    const own = me.data?.me.oneStopDesk;
    if (own) add(own.id, own.name, 1);
    for (const { node } of mine.data?.staffMembers.edges ?? []) {
      for (const a of node.assignments) if (a.desk && (!a.endsOn || a.endsOn >= today)) add(a.desk.id, a.desk.name, 1);
    }
    for (const { node } of mine.data?.pilotSites.edges ?? []) add(node.oneStopDesk.id, node.oneStopDesk.name, 0);
    const entries = [...byId.entries()];
    const desks = entries.map(([id, d]) => ({ id, label: d.label, mine: true })).sort((a, b) => collator.compare(a.label, b.label));
    // Opened first: the desk most of the post office's people work at.
    const [top] = entries.sort((a, b) => b[1].people - a[1].people);
    return { desks, busiest: top ? { id: top[0], label: top[1].label, mine: true } : null, loading: me.loading || mine.loading };
  }, [me.data, me.loading, mine.data, mine.loading]);
}

/** Bộ phận một cửa: one's own desks first; typing searches every desk of the province. */
export function DeskPicker({ value, mine, onChange }: { value: DeskOption | null; mine: readonly DeskOption[]; onChange: (desk: DeskOption | null) => void }) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const search = useDebouncedValue(typed.trim(), 250);
  const { data, previousData, loading } = useQuery(RosterDeskOptionsDocument, { variables: { search }, skip: !search });
  const found = search
    ? ((data ?? previousData)?.oneStopDesks.edges ?? []).map(({ node }) => ({ id: node.id, label: node.name, detail: node.code, mine: false }))
    : [];
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
  const ownMatches = mine.filter((d) => !search || fold(d.label).includes(fold(search)));
  const options: DeskOption[] = [...ownMatches, ...found.filter((f) => !mine.some((m) => m.id === f.id))];
  if (value && !options.some((o) => o.id === value.id)) options.unshift(value);
  return (
    <Autocomplete<DeskOption>
      value={value}
      onChange={(_e, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_e, text, reason) => {
        setInput(text);
        if (reason === 'input' || reason === 'clear') setTyped(text);
      }}
      options={options}
      groupBy={(o) => (o.mine ? t('roster.desk.mine') : t('roster.desk.others'))}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading || typed.trim() !== search}
      {...texts}
      renderOption={renderOptionWithDetail}
      sx={{ flex: { md: '1 1 320px' }, maxWidth: { md: 560 } }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('roster.desk.label')}
          placeholder={chooseInput(t, params).placeholder}
          {...fieldHelp({ hint: t('roster.desk.hint') })}
          slotProps={{
            ...params.slotProps,
            inputLabel: chooseInput(t, params).inputLabel,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'roster-desk' },
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {loading ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
          }}
        />
      )}
    />
  );
}
