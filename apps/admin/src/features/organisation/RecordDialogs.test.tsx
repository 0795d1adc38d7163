import { describe, expect, it, jest } from '@jest/globals';
import { useMutation } from '@apollo/client/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { RenameDeskDocument } from '../../graphql/generated';
import { badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { RenameDialog } from './RecordDialogs';
import { helperOf } from '../../test/help';

/** The rename dialog of a desk page, wired to the real mutation document. */
function RenameDesk({ onClose }: { onClose: () => void }) {
  const [rename] = useMutation(RenameDeskDocument);
  return (
    <RenameDialog open onClose={onClose} currentName="Bộ phận Một cửa xã Kỳ Bắc" submit={(name) => rename({ variables: { input: { id: 'd1', name } } })} />
  );
}

const nameTooLong = { field: 'name', vi: 'Tên quá dài (tối đa 200 ký tự).', en: 'The name is too long (200 characters at most).' };

describe('rename form', () => {
  it.each([
    ['vi', 'Tên quá dài (tối đa 200 ký tự).', 'Vui lòng kiểm tra lại các trường được đánh dấu.'],
    ['en', 'The name is too long (200 characters at most).', 'Please check the highlighted fields.'],
  ])('shows a BAD_USER_INPUT field error under the name field (%s)', async (language, fieldMessage, summary) => {
    await i18n.changeLanguage(language);
    const api = fakeApi({ RenameDesk: (request) => badInput(request.language, [nameTooLong]) });
    const onClose = jest.fn();
    renderInApp(<RenameDesk onClose={onClose} />, { link: api.link });
    const user = userEvent.setup();

    const input = screen.getByTestId('rename-name');
    await user.clear(input);
    await user.type(input, 'Tên mới rất dài');
    await user.click(screen.getByTestId('rename-dialog-submit'));

    expect(await screen.findByText(fieldMessage)).toBeInTheDocument();
    expect(helperOf(input)).toBe(fieldMessage);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('problem-alert')).toHaveTextContent(summary);
    expect(api.calls[0]).toMatchObject({ language, variables: { input: { id: 'd1', name: 'Tên mới rất dài' } } });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('lists an error for a field the form does not show in the alert', async () => {
    const api = fakeApi({
      RenameDesk: (request) => badInput(request.language, [{ field: 'id', vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' }]),
    });
    renderInApp(<RenameDesk onClose={() => undefined} />, { link: api.link });

    await userEvent.setup().click(screen.getByTestId('rename-dialog-submit'));

    const alert = await screen.findByTestId('problem-alert');
    expect(within(alert).getByText('id')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Không phải mã định danh hợp lệ.');
  });

  it('checks for an empty name itself, without calling the API', async () => {
    const api = fakeApi({});
    renderInApp(<RenameDesk onClose={() => undefined} />, { link: api.link });
    const user = userEvent.setup();

    await user.clear(screen.getByTestId('rename-name'));
    await user.click(screen.getByTestId('rename-dialog-submit'));

    expect(helperOf(screen.getByTestId('rename-name'))).toBe('Vui lòng nhập thông tin này.');
    expect(api.calls).toHaveLength(0);
  });

  it('closes after a successful rename', async () => {
    const api = fakeApi({
      RenameDesk: () => ({
        data: {
          renameOneStopDesk: {
            __typename: 'OneStopDeskPayload',
            oneStopDesk: {
              __typename: 'OneStopDesk',
              id: 'd1',
              code: 'D1',
              name: 'Tên mới',
              level: 'COMMUNE',
              retiredOn: null,
              address: null,
              createdAt: '2026-01-01T00:00:00Z',
              updatedAt: '2026-01-02T00:00:00Z',
              agency: { __typename: 'Agency', id: 'a1', code: 'A1', name: 'UBND xã Kỳ Bắc', kind: 'COMMUNE_PEOPLES_COMMITTEE' },
              administrativeUnit: { __typename: 'AdministrativeUnit', id: 'u1', code: '18760', name: 'Xã Kỳ Bắc' },
              province: { __typename: 'AdministrativeUnit', id: 'p1', code: '42', name: 'Tỉnh Hà Tĩnh' },
            },
          },
        },
      }),
    });
    const onClose = jest.fn();
    renderInApp(<RenameDesk onClose={onClose} />, { link: api.link });
    const user = userEvent.setup();

    await user.clear(screen.getByTestId('rename-name'));
    await user.type(screen.getByTestId('rename-name'), 'Tên mới');
    await user.click(screen.getByTestId('rename-dialog-submit'));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('problem-alert')).not.toBeInTheDocument();
  });
});
