import { useState } from 'react';
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import i18n from '../i18n';
import { PasswordField } from '../features/administration/PasswordField';
import { SearchAutocomplete } from '../features/organisation/SearchAutocomplete';
import { LIMITS } from '../limits';
import { errorOf, helpOf, helpTextOf, hintOf } from '../test/help';
import { chooseInput, chooseSlotProps } from './choose';
import { fieldHelp } from './FieldHelp';
import { NoteField } from './NoteField';

function Note({ initial = '', error }: { initial?: string; error?: string }) {
  const [value, setValue] = useState(initial);
  return <NoteField label="Ghi chú" value={value} onChange={setValue} error={error} helperText="Tình trạng trụ sở khi bàn giao." testId="note" />;
}

describe('a field’s help', () => {
  it('keeps the hint shown above the error (the rule says what to fix)', () => {
    render(<PasswordField label="Mật khẩu" value="abc" onChange={() => undefined} hint="Ít nhất 8 ký tự, có cả chữ và số." error="Sai định dạng." testId="pw" />);
    const input = screen.getByTestId('pw');
    expect(hintOf(input)).toBe('Ít nhất 8 ký tự, có cả chữ và số.');
    expect(errorOf(input)).toBe('Sai định dạng.');
    expect(helpTextOf(input)).toBe('Ít nhất 8 ký tự, có cả chữ và số.Sai định dạng.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // Both are visible: the hint in the secondary colour, the error in red, neither hidden.
    const hint = helpOf(input)!.querySelector('.FieldHelp-hint') as HTMLElement;
    const error = helpOf(input)!.querySelector('.FieldHelp-error') as HTMLElement;
    expect(hint).toBeVisible();
    expect(error).toBeVisible();
    expect(getComputedStyle(error).color).not.toBe(getComputedStyle(hint).color);
  });

  it('without an error, only the hint', () => {
    render(<PasswordField label="Mật khẩu" value="" onChange={() => undefined} hint="Ít nhất 8 ký tự, có cả chữ và số." testId="pw" />);
    expect(helpTextOf(screen.getByTestId('pw'))).toBe('Ít nhất 8 ký tự, có cả chữ và số.');
    expect(screen.getByTestId('pw')).toHaveAttribute('aria-invalid', 'false');
  });

  it('states the limit with a dot between thousands, and counts a long text as it is typed', async () => {
    render(<Note initial="Nhà cấp 4" error="Quá dài." />);
    const input = screen.getByTestId('note');
    expect(hintOf(input)).toBe('Tình trạng trụ sở khi bàn giao.');
    expect(helpOf(input)!.querySelector('.FieldHelp-limit')).toHaveTextContent('Tối đa 2.000 ký tự.');
    expect(errorOf(input)).toBe('Quá dài.');
    const counter = helpOf(input)!.querySelector('.FieldHelp-counter') as HTMLElement;
    expect(counter).toHaveTextContent('9/2.000');
    await userEvent.type(input, ', mái tôn');
    expect(counter).toHaveTextContent('18/2.000');
    // The browser stops at the API's limit.
    expect(input).toHaveAttribute('maxlength', String(LIMITS.note));
  });

  it('counts in the language in use', async () => {
    await i18n.changeLanguage('en');
    render(<Note initial={'x'.repeat(1234)} />);
    const input = screen.getByTestId('note');
    expect(helpOf(input)!.querySelector('.FieldHelp-limit')).toHaveTextContent('At most 2,000 characters.');
    expect(helpOf(input)!.querySelector('.FieldHelp-counter')).toHaveTextContent('1,234/2,000');
  });

  it('a short field states its limit, and no counter', () => {
    render(<TextField label="Tên" value="" {...fieldHelp({ error: undefined, max: LIMITS.name })} slotProps={{ htmlInput: { 'data-testid': 'name' } }} />);
    expect(helpTextOf(screen.getByTestId('name'))).toBe('Tối đa 200 ký tự.');
    expect(helpOf(screen.getByTestId('name'))!.querySelector('.FieldHelp-counter')).toBeNull();
  });
});

function KindSelect() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  return (
    <TextField select label="Loại" value={kind} onChange={(e) => setKind(e.target.value)} slotProps={{ ...chooseSlotProps<string>(t, (v) => `Loại ${v}`), htmlInput: { 'data-testid': 'kind' } }}>
      <MenuItem value="A">Loại A</MenuItem>
      <MenuItem value="B">Loại B</MenuItem>
    </TextField>
  );
}

describe('a picker', () => {
  it('a select says “Vui lòng chọn…” until something is chosen', async () => {
    render(<KindSelect />);
    const button = screen.getByRole('combobox');
    expect(button).toHaveTextContent('Vui lòng chọn…');
    await userEvent.click(button);
    await userEvent.click(await screen.findByRole('option', { name: 'Loại B' }));
    expect(screen.getByRole('combobox')).toHaveTextContent('Loại B');
    expect(screen.getByRole('combobox')).not.toHaveTextContent('Vui lòng chọn…');
  });

  it('an autocomplete says “Vui lòng chọn…” while empty, and keeps its hint with an error', () => {
    const { rerender } = render(
      <SearchAutocomplete label="Đơn vị" value={null} onChange={() => undefined} onSearch={() => undefined} options={[]} loading={false} helperText="Gõ tên hoặc mã." error="Bắt buộc." testId="unit" />,
    );
    const input = screen.getByTestId('unit');
    expect(input).toHaveAttribute('placeholder', 'Vui lòng chọn…');
    expect(hintOf(input)).toBe('Gõ tên hoặc mã.');
    expect(errorOf(input)).toBe('Bắt buộc.');
    rerender(
      <SearchAutocomplete label="Đơn vị" value={{ id: '1', label: 'Xã Kỳ Bắc' }} onChange={() => undefined} onSearch={() => undefined} options={[]} loading={false} testId="unit" />,
    );
    // Once chosen the field shows the choice (a placeholder only shows in an empty field).
    expect(screen.getByTestId('unit')).toHaveValue('Xã Kỳ Bắc');
  });

  it('a picker of several says it only while no chip is chosen', () => {
    const params = (startAdornment: unknown) => ({ slotProps: { input: { startAdornment }, inputLabel: {} } }) as never;
    expect(chooseInput(i18n.t, params(undefined)).placeholder).toBe('Vui lòng chọn…');
    expect(chooseInput(i18n.t, params([])).placeholder).toBe('Vui lòng chọn…');
    expect(chooseInput(i18n.t, params(['chip'])).placeholder).toBeUndefined();
    expect(chooseInput(i18n.t, params(undefined)).inputLabel).toEqual({ shrink: true });
  });
});
