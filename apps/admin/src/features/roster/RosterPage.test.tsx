import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import RosterPage from './RosterPage';
import { DESK, MONDAY, boardAnswer, meAnswer, sessionAs, shift, type ShiftData } from './testData';

// jsdom has no pointer events nor layout: a PointerEvent built on MouseEvent, and boxes placed by what
// each element is (a person card at the top left, every cell of the board on a grid of its own).
class FakePointerEvent extends MouseEvent {
  isPrimary: boolean;
  pointerId: number;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.isPrimary = init.isPrimary ?? true;
    this.pointerId = init.pointerId ?? 1;
  }
}
const DAY_INDEX = (day: string) => Math.round((Date.parse(day) - Date.parse(MONDAY)) / 86_400_000);
function boxOf(el: Element): { left: number; top: number; width: number; height: number } {
  const data = (el as HTMLElement).dataset ?? {};
  if (data.testid === 'roster-cell') {
    const row = Number(data.counter) * 2 + Number(data.slot);
    return { left: 1000 + DAY_INDEX(data.day ?? MONDAY) * 200, top: 1000 + row * 200, width: 100, height: 100 };
  }
  return { left: 0, top: 0, width: 10, height: 10 };
}
let restore: () => void = () => undefined;
beforeAll(() => {
  (window as unknown as { PointerEvent: unknown }).PointerEvent = FakePointerEvent;
  const spy = jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const { left, top, width, height } = boxOf(this);
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
  });
  restore = () => spy.mockRestore();
});
afterAll(() => restore());

const cell = (counter: number, day: string, slot: number) =>
  document.querySelector(`[data-testid="roster-cell"][data-counter="${counter}"][data-day="${day}"][data-slot="${slot}"]`) as HTMLElement;

/** Drags an element onto a cell as a mouse would: press, move a little (dnd-kit starts after 4 px), move onto it, release. */
async function drag(source: HTMLElement, target: HTMLElement) {
  const box = boxOf(target);
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  fireEvent.pointerDown(source, { clientX: 5, clientY: 5, button: 0, isPrimary: true });
  await act(async () => {
    fireEvent.pointerMove(document, { clientX: 15, clientY: 15, isPrimary: true });
  });
  await act(async () => {
    fireEvent.pointerMove(document, { clientX: x, clientY: y, isPrimary: true });
  });
  await act(async () => {
    fireEvent.pointerUp(document, { clientX: x, clientY: y, isPrimary: true });
  });
  // dnd-kit swallows every click for 50 ms after a drop (the click a browser may fire on release): a
  // button clicked sooner (a dialog the drop opened) would do nothing, as no hand can click that fast.
  await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
}

function renderBoard(shifts: ShiftData[], extra: Record<string, FakeHandler> = {}) {
  let current = shifts;
  const api = fakeApi({
    RosterMe: () => meAnswer,
    RosterBoard: () => boardAnswer(current),
    ...extra,
  });
  const view = renderInApp(<RosterPage />, { link: api.link, route: `/staff/roster?desk=${DESK}&week=${MONDAY}`, session: sessionAs(['POST_OFFICE_MANAGER']) });
  return { ...view, calls: api.calls, setShifts: (next: ShiftData[]) => (current = next) };
}

const person = (name: RegExp) => screen.getAllByTestId('roster-person').find((el) => name.test(el.getAttribute('data-person') ?? '')) as HTMLElement;

describe('the roster board', () => {
  it('a person dropped on a cell becomes a shift of that counter, day and slot', async () => {
    const created: Array<Record<string, unknown>> = [];
    const { calls, setShifts } = renderBoard([], {
      CreateRosterShift: ({ variables }) => {
        const input = variables.input as ShiftData;
        created.push({ ...input });
        const s: ShiftData = {
          id: 's-new',
          day: input.day,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          status: 'PLANNED',
          staffId: input.staffId,
          counterId: input.counterId,
        };
        setShifts([s]);
        return { data: { createShift: { __typename: 'ShiftPayload', shift: shift(s) } } };
      },
    });
    await screen.findByTestId('roster-board');
    // Counter 2 (đất đai), Tuesday afternoon: An is trained in đất đai.
    await drag(person(/Nguyễn Văn An/), cell(2, '2026-01-13', 1));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({ staffId: 'an', counterId: 'c2', day: '2026-01-13', startsAt: '13:30', endsAt: '17:00' });
    // The board is read again and shows the new shift as planned, in words.
    const added = await within(cell(2, '2026-01-13', 1)).findByTestId('roster-shift');
    expect(added.textContent).toContain('Nguyễn Văn An (demo)');
    expect(added.textContent).toContain('13:30–17:00');
    expect(added.textContent).toContain('Dự kiến');
    expect(calls.filter((c) => c.operationName === 'RosterBoard').length).toBeGreaterThanOrEqual(2);
  });

  it("shows the server's refusal on the cell, in Vietnamese, with the rule's own message", async () => {
    const message = 'Trần Thị Bình (demo) không được phân công tới bộ phận này ngày 14/01/2026.';
    renderBoard([], { CreateRosterShift: () => apiError('CONFLICT', message, { rule: 'NOT_ASSIGNED' }) });
    await screen.findByTestId('roster-board');
    await drag(person(/Trần Thị Bình/), cell(1, '2026-01-14', 0));
    const target = cell(1, '2026-01-14', 0);
    const error = await within(target).findByTestId('roster-cell-error');
    expect(error.textContent).toBe(message);
    // Nowhere else.
    expect(screen.getAllByTestId('roster-cell-error')).toHaveLength(1);
    expect(within(target).queryByTestId('roster-shift')).toBeNull();
  });

  it('a moved shift that the server refuses shows the refusal on the shift, and outlines the shift it collides with', async () => {
    const shifts: ShiftData[] = [
      { id: 's1', day: '2026-01-12', startsAt: '07:30', endsAt: '11:30', status: 'PUBLISHED', staffId: 'an', counterId: 'c2' },
      { id: 's2', day: '2026-01-13', startsAt: '07:30', endsAt: '11:30', status: 'PLANNED', staffId: 'binh', counterId: 'c1' },
    ];
    const moves: Array<Record<string, unknown>> = [];
    renderBoard(shifts, {
      MoveRosterShift: ({ variables }) => {
        moves.push(variables.input as Record<string, unknown>);
        return apiError('CONFLICT', 'Quầy số 1 đã có Trần Thị Bình (demo) trực Thứ Ba 13/01/2026 07:30–11:30.', {
          rule: 'COUNTER_DOUBLE_BOOKED',
          shiftId: 's2',
        });
      },
    });
    await screen.findByTestId('roster-board');
    const published = within(cell(2, '2026-01-12', 0)).getByTestId('roster-shift');
    expect(published.getAttribute('data-status')).toBe('PUBLISHED');
    expect(published.textContent).toContain('Đã công bố');
    // Monday morning at counter 2 → Monday afternoon at counter 1: the times follow the slot.
    await drag(published, cell(1, '2026-01-12', 1));
    await waitFor(() => expect(moves).toHaveLength(1));
    expect(moves[0]).toEqual({ id: 's1', version: 1, counterId: 'c1', day: '2026-01-12', startsAt: '13:30', endsAt: '17:00' });
    const error = await within(cell(2, '2026-01-12', 0)).findByTestId('roster-shift-error');
    expect(error.textContent).toContain('Quầy số 1 đã có Trần Thị Bình (demo)');
    const other = within(cell(1, '2026-01-13', 0)).getByTestId('roster-shift');
    expect(other.textContent).toContain('Ca bị trùng');
  });

  const bothRefusals = (): ShiftData[] => [{ id: 's1', day: '2026-01-15', startsAt: '07:30', endsAt: '11:30', status: 'PLANNED', staffId: 'binh', counterId: 'c1' }];
  const refusingBoard = (created: unknown[]) =>
    renderBoard(bothRefusals(), {
      CreateRosterShift: ({ variables }) => {
        created.push(variables.input);
        return apiError('CONFLICT', 'Từ chối.', { rule: 'PERSON_DOUBLE_BOOKED' });
      },
    });

  it('before saving, says what the board already knows would be refused, and sends nothing when closed', async () => {
    const created: unknown[] = [];
    refusingBoard(created);
    await screen.findByTestId('roster-board');
    // Bình is at counter 1 on Thursday morning, and holds no đất đai qualification for counter 2.
    await drag(person(/Trần Thị Bình/), cell(2, '2026-01-15', 0));
    const dialog = await screen.findByTestId('roster-check');
    const reasons = within(dialog).getByTestId('roster-check-reasons').textContent ?? '';
    expect(reasons).toContain('Trần Thị Bình (demo) chưa có chứng nhận còn hiệu lực cho lĩnh vực: Đất đai (quầy số 2).');
    expect(reasons).toContain('Trần Thị Bình (demo) đã có ca trực Thứ Năm 15/01/2026 07:30–11:30 tại Bộ phận Một cửa thử.');
    await userEvent.click(within(dialog).getByTestId('roster-check-close'));
    await waitFor(() => expect(screen.queryByTestId('roster-check')).not.toBeInTheDocument());
    expect(created).toHaveLength(0);
  });

  it('sent anyway from that check, the server decides and its refusal shows in the cell', async () => {
    const created: unknown[] = [];
    refusingBoard(created);
    await screen.findByTestId('roster-board');
    await drag(person(/Trần Thị Bình/), cell(2, '2026-01-15', 0));
    await userEvent.click(within(await screen.findByTestId('roster-check')).getByTestId('roster-check-send'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(await within(cell(2, '2026-01-15', 0)).findByTestId('roster-cell-error')).toHaveTextContent('Từ chối.');
  });

  it('highlights the coverage gap of each slot (staffed/demanded, in words) and the empty cells of a slot short of people', async () => {
    const shifts: ShiftData[] = [
      { id: 's1', day: '2026-01-12', startsAt: '07:30', endsAt: '11:30', status: 'PUBLISHED', staffId: 'an', counterId: 'c2' },
      { id: 's2', day: '2026-01-12', startsAt: '07:30', endsAt: '11:30', status: 'PUBLISHED', staffId: 'binh', counterId: 'c1' },
      { id: 's3', day: '2026-01-12', startsAt: '13:30', endsAt: '17:00', status: 'PLANNED', staffId: 'an', counterId: 'c2' },
    ];
    renderBoard(shifts);
    await screen.findByTestId('roster-board');
    const tags = screen.getAllByTestId('roster-coverage');
    const monday = (opens: string) => tags.find((el) => el.getAttribute('data-day') === '2026-01-12' && el.getAttribute('data-opens') === opens) as HTMLElement;
    expect(monday('07:30')).toHaveTextContent('Đủ 2/2 quầy');
    expect(monday('07:30').getAttribute('data-gap')).toBe('0');
    expect(monday('13:30')).toHaveTextContent('Thiếu 1: 1/2 quầy');
    expect(monday('13:30').getAttribute('data-gap')).toBe('1');
    expect(cell(1, '2026-01-12', 1).getAttribute('data-gap')).toBe('true');
    expect(cell(1, '2026-01-12', 1)).toHaveTextContent('Còn trống');
    expect(cell(1, '2026-01-12', 0).getAttribute('data-gap')).toBe('false');
    expect(screen.getByTestId('roster-week-coverage')).toHaveTextContent('Cả tuần: 3/20 lượt quầy có người trực · còn thiếu 17 lượt');
    // Hours of the week beside each person (An: 4 + 3,5).
    expect(person(/Nguyễn Văn An/).querySelector('[data-testid="roster-person-hours"]')).toHaveTextContent('7,5/48 giờ trong tuần');
  });

  it('publishes the week after a confirmation, and shows the refusal when one shift breaks a rule', async () => {
    const shifts: ShiftData[] = [{ id: 's1', day: '2026-01-12', startsAt: '07:30', endsAt: '11:30', status: 'PLANNED', staffId: 'an', counterId: 'c2' }];
    const published: unknown[] = [];
    renderBoard(shifts, {
      PublishRosterWeek: ({ variables }) => {
        published.push(variables.input);
        return apiError('CONFLICT', 'Nguyễn Văn An (demo) vắng mặt từ 12/01/2026 đến 13/01/2026.', { rule: 'ABSENT' });
      },
    });
    await userEvent.click(await screen.findByTestId('roster-publish'));
    const form = await screen.findByTestId('roster-publish-form');
    expect(within(form).getByTestId('roster-publish-summary')).toHaveTextContent(
      'Công bố 1 ca dự kiến của Bộ phận Một cửa thử, tuần từ 12/01/2026 đến 18/01/2026.',
    );
    await userEvent.click(within(form).getByTestId('roster-publish-form-submit'));
    expect(published).toHaveLength(0);
    await userEvent.click(within(form).getByTestId('roster-publish-confirm'));
    await userEvent.click(within(form).getByTestId('roster-publish-form-submit'));
    await waitFor(() => expect(published).toEqual([{ deskId: DESK, week: MONDAY }]));
    expect(await within(form).findByTestId('problem-alert')).toHaveTextContent('Nguyễn Văn An (demo) vắng mặt từ 12/01/2026 đến 13/01/2026.');
  });

  it('previews the auto-fill proposal on the board with its score and the slots it cannot fill, then accepts it', async () => {
    const proposal = {
      __typename: 'RosterProposalResult',
      demanded: 20,
      unfilled: 1,
      bound: 1,
      gapPct: 0,
      spreadHours: 3.5,
      awayFromHome: 0,
      quality: 'INFEASIBLE_DEMAND',
      shifts: [{ __typename: 'ProposedShift', staffId: 'an', counterId: 'c2', deskId: DESK, day: '2026-01-13', startsAt: '07:30', endsAt: '11:30' }],
      unmet: [{ __typename: 'UnmetSlot', deskId: DESK, day: '2026-01-16', opensAt: '13:30', closesAt: '17:00', missing: 1, reason: 'NO_QUALIFIED_STAFF' }],
    };
    const job = (status: string, stage: string, withProposal: boolean) => ({
      __typename: 'RosterAutoFillJob',
      id: 'job-1',
      status,
      stage,
      seconds: 2,
      from: MONDAY,
      to: '2026-01-18',
      demandSource: 'OPENING_HOURS',
      proposal: withProposal ? proposal : null,
    });
    const started: unknown[] = [];
    const accepted: unknown[] = [];
    renderBoard([], {
      StartRosterAutoFill: ({ variables }) => {
        started.push(variables.input);
        return { data: { startRosterAutoFill: { __typename: 'RosterAutoFillPayload', job: job('RUNNING', 'FILL', false) } } };
      },
      RosterAutoFillJob: () => ({ data: { rosterAutoFillJob: job('DONE', 'DONE', true) } }),
      AcceptRosterProposal: ({ variables }) => {
        accepted.push(variables.input);
        return {
          data: {
            acceptRosterProposal: {
              __typename: 'AcceptRosterProposalPayload',
              job: { __typename: 'RosterAutoFillJob', id: 'job-1', status: 'ACCEPTED' },
              shifts: [{ __typename: 'Shift', id: 's-new' }],
            },
          },
        };
      },
    });
    await userEvent.click(await screen.findByTestId('roster-autofill-start'));
    expect(started).toEqual([{ deskId: DESK, from: MONDAY, to: '2026-01-18' }]);
    const panel = await screen.findByTestId('roster-autofill');
    // The job runs in the background: the board polls it, then shows the proposal in its cells.
    const card = await within(cell(2, '2026-01-13', 0)).findByTestId('roster-proposed', {}, { timeout: 4000 });
    expect(card).toHaveTextContent('Nguyễn Văn An (demo)');
    expect(card).toHaveTextContent('Đề xuất');
    expect(within(panel).getByTestId('roster-autofill-score')).toHaveTextContent(
      'Còn trống 1/20 lượt quầy (ít nhất phải trống 1; có thể kém phương án tốt nhất tối đa 0 %).',
    );
    expect(within(panel).getByTestId('roster-autofill-unmet')).toHaveTextContent(
      'Thứ Sáu 16/01/2026, 13:30–17:00: thiếu 1 quầy. Không đủ người có chứng nhận lĩnh vực của quầy.',
    );
    await userEvent.click(within(panel).getByTestId('roster-autofill-accept'));
    await waitFor(() => expect(accepted).toEqual([{ jobId: 'job-1' }]));
    await waitFor(() => expect(screen.queryByTestId('roster-autofill')).toBeNull());
    expect(screen.queryByTestId('roster-proposed')).toBeNull();
  });

  it('arriving from the forecast page (“Dùng làm nhu cầu xếp lịch”) auto-fills the week with the forecast’s demand', async () => {
    const started: unknown[] = [];
    const job = { __typename: 'RosterAutoFillJob', id: 'job-2', status: 'RUNNING', stage: 'FILL', seconds: 1, from: MONDAY, to: '2026-01-18', demandSource: 'FORECAST', proposal: null };
    const api = fakeApi({
      RosterMe: () => meAnswer,
      RosterBoard: () => boardAnswer([]),
      StartRosterAutoFill: ({ variables }) => {
        started.push(variables.input);
        return { data: { startRosterAutoFill: { __typename: 'RosterAutoFillPayload', job } } };
      },
      RosterAutoFillJob: () => ({ data: { rosterAutoFillJob: job } }),
    });
    renderInApp(<RosterPage />, { link: api.link, route: `/staff/roster?desk=${DESK}&week=${MONDAY}&demand=forecast`, session: sessionAs(['POST_OFFICE_MANAGER']) });
    expect(await screen.findByTestId('roster-forecast-demand')).toHaveTextContent('Nhu cầu theo dự báo lượng hồ sơ');
    expect(started).toEqual([{ deskId: DESK, from: MONDAY, to: '2026-01-18', demandSource: 'FORECAST' }]);
    expect(screen.getByTestId('roster-forecast-link')).toHaveAttribute('href', `/reports/forecast?desk=${DESK}`);
  });

  it('a shift someone else changed meanwhile (a stale version) asks to reload the roster instead of showing a rule', async () => {
    const shifts: ShiftData[] = [{ id: 's1', day: '2026-01-12', startsAt: '07:30', endsAt: '11:30', status: 'PLANNED', staffId: 'an', counterId: 'c2' }];
    const { calls } = renderBoard(shifts, {
      MoveRosterShift: () => apiError('CONFLICT', 'Ca trực đã được người khác thay đổi. Hãy tải lại.'),
    });
    await screen.findByTestId('roster-board');
    await drag(within(cell(2, '2026-01-12', 0)).getByTestId('roster-shift'), cell(2, '2026-01-13', 0));
    const alert = await screen.findByTestId('roster-stale');
    expect(alert).toHaveTextContent('Lịch trực vừa được người khác thay đổi. Tải lại để xem bản mới nhất rồi làm lại.');
    expect(screen.queryByTestId('roster-shift-error')).toBeNull();
    const reads = calls.filter((c) => c.operationName === 'RosterBoard').length;
    await userEvent.click(screen.getByTestId('roster-stale-reload'));
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'RosterBoard').length).toBe(reads + 1));
    await waitFor(() => expect(screen.queryByTestId('roster-stale')).toBeNull());
  });
});
