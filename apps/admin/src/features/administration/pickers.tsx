import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import {
  ScopeUnitOptionsDocument,
  WorkplaceAgencyOptionsDocument,
  WorkplaceDeskOptionsDocument,
  WorkplacePostOfficeOptionsDocument,
} from '../../graphql/generated';
import { useSearch, type PickerProps } from '../organisation/pickers';
import { SearchAutocomplete, type Option } from '../organisation/SearchAutocomplete';

export interface ScopeUnitOption extends Option {
  code: string;
  /** The province the unit belongs to (the first code of its path): it limits the workplace pickers. */
  provinceCode: string;
}

/** The unit a user works for, by name or code; `provinceCode` keeps it within the administrator's province. */
export function ScopeUnitPicker({ provinceCode, ...props }: PickerProps<ScopeUnitOption> & { provinceCode: string | null }) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(ScopeUnitOptionsDocument, { variables: { search, provinceCode, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.administrativeUnits.edges ?? []).map(({ node }) => ({
    id: node.code,
    code: node.code,
    provinceCode: node.path.split('.')[0] ?? node.code,
    label: node.name,
    detail: [t(`levels.${node.level}`), node.parent?.name, t('organisation.codeValue', { code: node.code })].filter(Boolean).join(' · '),
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

type WorkplaceProps = PickerProps<Option> & { provinceCode: string };

/** A post office of the province (POST_OFFICE_MANAGER). */
export function WorkplacePostOfficePicker({ provinceCode, ...props }: WorkplaceProps) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(WorkplacePostOfficeOptionsDocument, {
    variables: { search, provinceCode, first: 20 },
    skip: !opened,
  });
  const options = ((data ?? previousData)?.postOffices.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`postOfficeKinds.${node.kind}`)} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

/** A one-stop desk of the province (COUNTER_CLERK). */
export function WorkplaceDeskPicker({ provinceCode, ...props }: WorkplaceProps) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(WorkplaceDeskOptionsDocument, { variables: { search, provinceCode, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.oneStopDesks.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${node.agency.name} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}

/** An agency of the province (AGENCY_OFFICER). */
export function WorkplaceAgencyPicker({ provinceCode, ...props }: WorkplaceProps) {
  const { t } = useTranslation();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(WorkplaceAgencyOptionsDocument, { variables: { search, provinceCode, first: 20 }, skip: !opened });
  const options = ((data ?? previousData)?.agencies.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`agencyKinds.${node.kind}`)} · ${t('organisation.codeValue', { code: node.code })}`,
  }));
  return <SearchAutocomplete {...props} options={options} loading={loading || typing} onSearch={setText} onOpen={open} />;
}
