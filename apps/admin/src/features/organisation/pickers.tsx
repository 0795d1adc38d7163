import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { AgencyOptionsDocument, PostOfficeOptionsDocument, UnitOptionsDocument } from '../../graphql/generated';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { SearchAutocomplete, type Option } from './SearchAutocomplete';

export interface PickerProps<T extends Option> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  helperText?: string;
  testId?: string;
}

/** Searches as you type, once the list has been opened. */
export function useSearch() {
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const search = useDebouncedValue(text.trim(), 250);
  // Until the typing pauses, the options shown are for the previous text.
  const typing = text.trim() !== search;
  return { search: search || null, typing, opened, setText, open: () => setOpened(true) };
}

export interface UnitOption extends Option {
  code: string;
}

/** An administrative unit in force today (unit codes are what the API's inputs take). */
export function UnitPicker(props: PickerProps<UnitOption>) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(UnitOptionsDocument, { variables: { search, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.administrativeUnits.edges ?? []).map(({ node }) => ({
    id: node.code,
    code: node.code,
    label: node.name,
    detail: [t(`levels.${node.level}`), node.parent?.name, t('organisation.codeValue', { code: node.code })].filter(Boolean).join(' · '),
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

export interface AgencyOption extends Option {
  unitCode: string;
}

export function AgencyPicker(props: PickerProps<AgencyOption>) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(AgencyOptionsDocument, { variables: { search, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.agencies.edges ?? []).map(({ node }) => ({
    id: node.id,
    unitCode: node.administrativeUnit.code,
    label: node.name,
    detail: `${node.administrativeUnit.name} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

export function PostOfficePicker(props: PickerProps<Option>) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(PostOfficeOptionsDocument, { variables: { search, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.postOffices.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`postOfficeKinds.${node.kind}`)} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}
