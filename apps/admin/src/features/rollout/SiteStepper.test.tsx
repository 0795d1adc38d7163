import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { SiteStatus } from '../../graphql/generated';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { SiteStepper, siteActiveStep } from './SiteStepper';

type Entry = { fromStatus: SiteStatus | null; toStatus: SiteStatus; on: string };
const enrolled: Entry = { fromStatus: null, toStatus: 'PLANNED', on: '2019-08-01' };
const preparing: Entry = { fromStatus: 'PLANNED', toStatus: 'PREPARING', on: '2019-09-01' };
const launched: Entry = { fromStatus: 'PREPARING', toStatus: 'LAUNCHED', on: '2019-11-18' };
const operating: Entry = { fromStatus: 'LAUNCHED', toStatus: 'OPERATING', on: '2019-12-01' };

/** The step marked current (aria-current="step"). */
const currentStep = () => screen.getByTestId('site-stepper').querySelector('[aria-current="step"]');

describe('site stepper', () => {
  it.each<[SiteStatus, SiteStatus | null, Entry[], number]>([
    ['PLANNED', null, [enrolled], 0],
    ['PREPARING', null, [enrolled, preparing], 1],
    ['OPERATING', null, [enrolled, preparing, launched, operating], 3],
    ['REVIEWED', null, [enrolled, preparing, launched, operating, { fromStatus: 'OPERATING', toStatus: 'REVIEWED', on: '2020-06-01' }], 4],
    ['SUSPENDED', 'PREPARING', [enrolled, preparing, { fromStatus: 'PREPARING', toStatus: 'SUSPENDED', on: '2019-10-01' }], 1],
    ['WITHDRAWN', null, [enrolled, preparing, { fromStatus: 'PREPARING', toStatus: 'WITHDRAWN', on: '2019-10-01' }], 1],
    ['WITHDRAWN', null, [enrolled, { fromStatus: 'PLANNED', toStatus: 'WITHDRAWN', on: '2019-10-01' }], 0],
  ])('a %s site (from %s) stands at step %i', (status, suspendedFrom, history, step) => {
    expect(siteActiveStep(status, suspendedFrom, history)).toBe(step);
  });

  it('marks the current status as the active step, with the day it was entered', () => {
    renderInApp(<SiteStepper status="OPERATING" statusSince="2019-12-01" history={[enrolled, preparing, launched, operating]} />, { link: fakeApi({}).link });

    expect(screen.getByTestId('site-stepper')).toHaveAttribute('data-active-step', 'OPERATING');
    expect(currentStep()).toBe(screen.getByTestId('site-step-OPERATING'));
    expect(screen.getByTestId('site-step-OPERATING')).toHaveTextContent('Đang vận hành');
    expect(screen.getByTestId('site-step-OPERATING')).toHaveTextContent('từ 01/12/2019');
    expect(screen.getByTestId('site-step-LAUNCHED')).toHaveTextContent('18/11/2019');
    expect(screen.queryByTestId('site-stepper-aside')).not.toBeInTheDocument();
  });

  it('shows a suspended site at the step it resumes to, with the suspension beside it', () => {
    renderInApp(
      <SiteStepper
        status="SUSPENDED"
        suspendedFrom="PREPARING"
        statusSince="2019-10-01"
        history={[enrolled, preparing, { fromStatus: 'PREPARING', toStatus: 'SUSPENDED', on: '2019-10-01' }]}
      />,
      { link: fakeApi({}).link },
    );

    expect(currentStep()).toBe(screen.getByTestId('site-step-PREPARING'));
    expect(screen.getByTestId('site-stepper-aside')).toHaveTextContent('Tạm dừng từ 01/10/2019; khi tiếp tục, đơn vị trở lại bước "Đang chuẩn bị".');
  });

  it('shows a withdrawn site where it left the line, marked as an error', () => {
    renderInApp(
      <SiteStepper status="WITHDRAWN" statusSince="2019-10-05" history={[enrolled, { fromStatus: 'PLANNED', toStatus: 'WITHDRAWN', on: '2019-10-05' }]} />,
      { link: fakeApi({}).link },
    );

    expect(currentStep()).toBe(screen.getByTestId('site-step-PLANNED'));
    expect(screen.getByTestId('site-step-PLANNED').querySelector('.Mui-error')).not.toBeNull();
    expect(screen.getByTestId('site-stepper-aside')).toHaveTextContent('Đã rút khỏi thí điểm từ 05/10/2019.');
  });
});
