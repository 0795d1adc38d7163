import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { apiError, badInput, fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import type { HandoverPersonnelFieldsFragment } from '../../graphql/generated';
import { PersonnelHandoverDialog } from './PersonnelHandoverDialog';
import { helperOf } from '../../test/help';

/** Types a whole value at once (as a paste would): the long forms stay fast under test. */
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

/** A draft of Cẩm Xuyên: one civil servant relieved, two postal employees taking over. */
export const camXuyenDraft: HandoverPersonnelFieldsFragment & { __typename: 'PersonnelHandover' } = {
  __typename: 'PersonnelHandover',
  id: 'ph-1',
  version: 3,
  status: 'DRAFT',
  statusSince: '2019-10-01',
  tasks: ['RECEIVING', 'RETURNING_RESULTS'],
  effectiveOn: '2019-11-01',
  note: null,
  recordNumber: null,
  recordSignedOn: null,
  reversalReason: null,
  createdAt: '2019-10-01T02:00:00Z',
  updatedAt: '2019-10-02T02:00:00Z',
  relieved: [{ fullName: 'Trần Văn An', position: 'Chuyên viên', employer: 'UBND huyện Cẩm Xuyên' }],
  deployed: [
    { fullName: 'Nguyễn Thị Bình', position: 'Giao dịch viên', employer: 'Bưu điện huyện Cẩm Xuyên' },
    { fullName: 'Lê Văn Cường', position: null, employer: 'Bưu điện huyện Cẩm Xuyên' },
  ],
  signatories: [],
};

const render = (props: Partial<Parameters<typeof PersonnelHandoverDialog>[0]> & { link: ReturnType<typeof fakeApi>['link'] }) => {
  const { link, ...rest } = props;
  return renderInApp(
    <PersonnelHandoverDialog
      siteId="site-cx"
      defaults={{ relievedEmployer: 'UBND huyện Cẩm Xuyên', deployedEmployer: 'Bưu điện huyện Cẩm Xuyên' }}
      onClose={() => undefined}
      onReload={() => undefined}
      {...rest}
    />,
    { link },
  );
};

describe('personnel handover form', () => {
  it('puts the API’s field errors under the field of the right row (relieved.0.fullName, deployed.1.employer)', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({
      HandoverCreatePersonnel: (request) =>
        badInput(request.language, [
          { field: 'input.relieved.0.fullName', vi: 'Họ tên quá dài.', en: 'The name is too long.' },
          { field: 'input.deployed.1.employer', vi: 'Đơn vị công tác không được để trống.', en: 'The employer must not be empty.' },
        ]),
    });
    renderInApp(
      <PersonnelHandoverDialog
        siteId="site-cx"
        defaults={{ relievedEmployer: 'UBND huyện Cẩm Xuyên', deployedEmployer: 'Bưu điện huyện Cẩm Xuyên' }}
        onClose={() => undefined}
        onReload={() => undefined}
      />,
      { link: api.link },
    );
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('personnel-task-RECEIVING'));
    await user.click(screen.getByTestId('personnel-task-ON_DUTY'));
    fill(screen.getByTestId('relieved-0-fullName'), 'Trần Văn An');
    fill(screen.getByTestId('deployed-0-fullName'), 'Nguyễn Thị Bình');
    fill(screen.getByTestId('deployed-0-position'), 'Giao dịch viên');
    await user.click(screen.getByTestId('deployed-add'));
    fill(screen.getByTestId('deployed-1-fullName'), 'Lê Văn Cường');
    fill(screen.getByTestId('deployed-1-employer'), 'BĐ Cẩm Xuyên');
    await user.click(screen.getByTestId('personnel-form-submit'));

    await waitFor(() => expect(helperOf(screen.getByTestId('relieved-0-fullName'))).toBe('The name is too long.'));
    expect(helperOf(screen.getByTestId('deployed-1-employer'))).toBe('The employer must not be empty.');
    expect(screen.getByTestId('deployed-1-employer')).toHaveAttribute('aria-invalid', 'true');
    // The other rows' fields carry no error.
    expect(helperOf(screen.getByTestId('deployed-0-employer'))).toBe('');
    expect(helperOf(screen.getByTestId('deployed-1-fullName'))).toBe('');
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('Please check the highlighted fields.');
    // Tasks in the order the UI lists them; new rows start with the suggested employer; empty position → null.
    expect(api.calls[0].variables).toEqual({
      input: {
        siteId: 'site-cx',
        tasks: ['ON_DUTY', 'RECEIVING'],
        relieved: [{ fullName: 'Trần Văn An', position: null, employer: 'UBND huyện Cẩm Xuyên' }],
        deployed: [
          { fullName: 'Nguyễn Thị Bình', position: 'Giao dịch viên', employer: 'Bưu điện huyện Cẩm Xuyên' },
          { fullName: 'Lê Văn Cường', position: null, employer: 'BĐ Cẩm Xuyên' },
        ],
        effectiveOn: null,
        note: null,
      },
    });
  });

  it('checks the tasks and each row’s required fields itself, without calling the API', async () => {
    const api = fakeApi({});
    render({ link: api.link, defaults: {} });
    const user = userEvent.setup({ delay: null });

    fill(screen.getByTestId('relieved-0-employer'), 'UBND huyện Cẩm Xuyên');
    await user.click(screen.getByTestId('personnel-form-submit'));

    expect(screen.getByTestId('personnel-tasks').parentElement).toHaveTextContent('Chọn ít nhất một nhiệm vụ.');
    expect(helperOf(screen.getByTestId('relieved-0-fullName'))).toBe('Vui lòng nhập thông tin này.');
    expect(helperOf(screen.getByTestId('relieved-0-employer'))).toBe('');
    expect(helperOf(screen.getByTestId('deployed-0-fullName'))).toBe('Vui lòng nhập thông tin này.');
    expect(helperOf(screen.getByTestId('deployed-0-employer'))).toBe('Vui lòng nhập thông tin này.');
    expect(api.calls).toHaveLength(0);
  });

  it('keeps error paths in step with the rows after one is removed', async () => {
    const api = fakeApi({
      HandoverUpdatePersonnel: (request) =>
        badInput(request.language, [{ field: 'input.deployed.0.fullName', vi: 'Họ tên quá dài.', en: 'The name is too long.' }]),
    });
    render({ link: api.link, handover: camXuyenDraft });
    const user = userEvent.setup({ delay: null });

    // The draft's rows are there; remove the first postal employee: Lê Văn Cường becomes row 0.
    expect(screen.getByTestId('deployed-1-fullName')).toHaveValue('Lê Văn Cường');
    await user.click(screen.getByTestId('deployed-0-remove'));
    expect(screen.getByTestId('deployed-0-fullName')).toHaveValue('Lê Văn Cường');
    await user.click(screen.getByTestId('personnel-form-submit'));

    await waitFor(() => expect(helperOf(screen.getByTestId('deployed-0-fullName'))).toBe('Họ tên quá dài.'));
    expect(api.calls[0].variables).toMatchObject({
      input: {
        id: 'ph-1',
        version: 3,
        tasks: ['RECEIVING', 'RETURNING_RESULTS'],
        deployed: [{ fullName: 'Lê Văn Cường', position: null, employer: 'Bưu điện huyện Cẩm Xuyên' }],
        effectiveOn: '2019-11-01',
      },
    });
  });

  it('says so on CONFLICT and offers to reload', async () => {
    const api = fakeApi({
      HandoverUpdatePersonnel: () => apiError('CONFLICT', 'Biên bản đã được người khác thay đổi.'),
    });
    const onReload = jest.fn();
    const onClose = jest.fn();
    render({ link: api.link, handover: camXuyenDraft, onReload, onClose });
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByTestId('personnel-form-submit'));

    const alert = await screen.findByTestId('conflict-alert');
    expect(alert).toHaveTextContent('Biên bản này vừa được người khác thay đổi');
    await user.click(within(alert).getByTestId('conflict-alert-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes once the draft is saved', async () => {
    const api = fakeApi({
      HandoverUpdatePersonnel: () => ({
        data: { updatePersonnelHandover: { __typename: 'PersonnelHandoverPayload', personnelHandover: { ...camXuyenDraft, version: 4 } } },
      }),
    });
    const onClose = jest.fn();
    render({ link: api.link, handover: camXuyenDraft, onClose });

    await userEvent.setup({ delay: null }).click(screen.getByTestId('personnel-form-submit'));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
