import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import {
  StaffAgencyOptionsDocument,
  StaffDeskOptionsDocument,
  StaffPersonOptionsDocument,
  StaffPostOfficeOptionsDocument,
  StaffUserOptionsDocument,
} from '../../graphql/generated';
import { renderOptionWithDetail, useAutocompleteTexts } from '../../components/autocomplete';
import { chooseInput } from '../../components/choose';
import { fieldHelp } from '../../components/FieldHelp';
import { useSearch, type PickerProps as BasePickerProps } from '../organisation/pickers';
import { SearchAutocomplete, type Option } from '../organisation/SearchAutocomplete';
import { useProvinceCode } from './access';

/** A picker of the staff pages; `small` in the grid's toolbar. */
type PickerProps<T extends Option> = BasePickerProps<T> & { size?: 'small' | 'medium' };

/** A post office of the reader's province (an employer, or the grid's filter). */
export function StaffPostOfficePicker(props: PickerProps<Option>) {
  const { t } = useTranslation();
  const provinceCode = useProvinceCode();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(StaffPostOfficeOptionsDocument, { variables: { search, provinceCode }, skip: !opened });
  const options = ((data ?? previousData)?.postOffices.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`postOfficeKinds.${node.kind}`)} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

/** An agency of the reader's province (the employer of a civil servant still at a desk). */
export function StaffAgencyPicker(props: PickerProps<Option>) {
  const { t } = useTranslation();
  const provinceCode = useProvinceCode();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(StaffAgencyOptionsDocument, { variables: { search, provinceCode }, skip: !opened });
  const options = ((data ?? previousData)?.agencies.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`agencyKinds.${node.kind}`)} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

/** A one-stop desk of the reader's province. */
export function StaffDeskPicker(props: PickerProps<Option>) {
  const { t } = useTranslation();
  const provinceCode = useProvinceCode();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(StaffDeskOptionsDocument, { variables: { search, provinceCode }, skip: !opened });
  const options = ((data ?? previousData)?.oneStopDesks.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${node.agency.name} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

/** A user account of the administrator's scope, by username or display name. */
export function StaffUserPicker(props: PickerProps<Option>) {
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(StaffUserOptionsDocument, { variables: { search }, skip: !opened });
  const options = ((data ?? previousData)?.users.edges ?? []).map(({ node }) => ({ id: node.id, label: node.displayName, detail: node.username }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

interface PeoplePickerProps {
  label: string;
  value: readonly Option[];
  onChange: (value: Option[]) => void;
  required?: boolean;
  error?: string;
  helperText?: string;
  testId?: string;
}

/** Several people of the register, searched by name (diacritics ignored by the API), shown as chips. */
export function StaffPeoplePicker({ label, value, onChange, required, error, helperText, testId }: PeoplePickerProps) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(StaffPersonOptionsDocument, { variables: { search }, skip: !opened });
  const found = ((data ?? previousData)?.staffMembers.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.fullName,
    detail: node.postOffice?.name ?? node.agency?.name ?? undefined,
  }));
  const busy = loading || typing;
  return (
    <Autocomplete<Option, true>
      multiple
      value={[...value]}
      onChange={(_e, next) => onChange(next)}
      onInputChange={(_e, text, reason) => {
        if (reason === 'input' || reason === 'clear') setText(text);
      }}
      onOpen={open}
      options={found}
      filterOptions={(x) => x}
      filterSelectedOptions
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={busy && opened}
      {...texts}
      renderOption={renderOptionWithDetail}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          placeholder={chooseInput(t, params).placeholder}
          {...fieldHelp({ hint: helperText, error })}
          slotProps={{
            ...params.slotProps,
            inputLabel: chooseInput(t, params).inputLabel,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
            input: {
              ...params.slotProps.input,
              endAdornment: (
                <>
                  {busy && opened ? <CircularProgress color="inherit" size={18} aria-hidden /> : null}
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
