import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { todayIso } from '../../dates';
import { formatShare, SatisfactionPage } from './SatisfactionPage';
import { sessionAs } from './testData';

const counts = (satisfied: number, neutral: number, dissatisfied: number) => {
  const total = satisfied + neutral + dissatisfied;
  return { satisfied, neutral, dissatisfied, total, satisfiedShare: total ? satisfied / total : null };
};

describe('the satisfaction ratings', () => {
  it('asks for this month within reach and shows the share satisfied, per desk and per receiving clerk', async () => {
    const today = todayIso();
    const from = `${today.slice(0, 8)}01`;
    const api = fakeApi({
      DossierSatisfaction: () => ({
        data: {
          dossierSatisfaction: {
            __typename: 'SatisfactionSummary',
            from,
            to: today,
            total: { __typename: 'SatisfactionCounts', ...counts(6, 1, 1) },
            desks: [{ __typename: 'DeskSatisfaction', deskId: 'desk-1', deskName: 'Bộ phận Một cửa Trung tâm Phục vụ hành chính công tỉnh', ...counts(6, 1, 1) }],
            clerks: [
              { __typename: 'ClerkSatisfaction', clerkId: 'u-1', clerkName: 'Nguyễn Thị Quầy', deskId: 'desk-1', deskName: 'Bộ phận Một cửa Trung tâm Phục vụ hành chính công tỉnh', ...counts(5, 1, 0) },
              { __typename: 'ClerkSatisfaction', clerkId: null, clerkName: null, deskId: 'desk-1', deskName: 'Bộ phận Một cửa Trung tâm Phục vụ hành chính công tỉnh', ...counts(1, 0, 1) },
            ],
          },
        },
      }),
    });
    renderInApp(<SatisfactionPage />, { link: api.link, route: '/dossiers/satisfaction', path: '/dossiers/satisfaction', session: sessionAs(['POST_OFFICE_MANAGER']) });
    const share = await screen.findByTestId('satisfaction-share');
    expect(share).toHaveTextContent(formatShare(0.75, 'vi'));
    expect(formatShare(0.75, 'vi')).toMatch(/^75,0\s?%$/);
    expect(api.calls.find((c) => c.operationName === 'DossierSatisfaction')?.variables).toEqual({ filter: { from, to: today } });
    expect(screen.getByTestId('satisfaction-total')).toHaveTextContent('8 lượt đánh giá: 6 hài lòng, 1 bình thường, 1 không hài lòng.');
    const desks = within(screen.getByTestId('satisfaction-desk-table'));
    expect(desks.getByText('Bộ phận Một cửa Trung tâm Phục vụ hành chính công tỉnh')).toBeInTheDocument();
    expect(desks.getByText('Tỷ lệ hài lòng')).toBeInTheDocument();
    const clerks = screen.getByTestId('satisfaction-clerk-table');
    const rows = within(clerks).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('Nguyễn Thị Quầy');
    expect(rows[0]).toContain(formatShare(5 / 6, 'vi'));
    expect(rows[1]).toContain('Chưa ghi nhận cán bộ');
    expect(rows[1]).toContain(formatShare(0.5, 'vi'));
  }, 60_000);

  it('says when nothing was rated', async () => {
    const api = fakeApi({
      DossierSatisfaction: ({ variables }) => ({
        data: { dossierSatisfaction: { __typename: 'SatisfactionSummary', from: (variables.filter as { from: string }).from, to: (variables.filter as { to: string }).to, total: { __typename: 'SatisfactionCounts', ...counts(0, 0, 0) }, desks: [], clerks: [] } },
      }),
    });
    renderInApp(<SatisfactionPage />, { link: api.link, route: '/administration/satisfaction', path: '/administration/satisfaction', session: sessionAs(['STEERING_COMMITTEE']) });
    expect(await screen.findByTestId('satisfaction-empty')).toHaveTextContent('Chưa có lượt đánh giá nào trong khoảng thời gian này.');
    await waitFor(() => expect(screen.getByTestId('satisfaction-share')).toHaveTextContent('—'));
  }, 60_000);
});
