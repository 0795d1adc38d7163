import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { SiteHistory } from './SiteHistory';

describe('site history', () => {
  it('shows the demo seed as "Dữ liệu mẫu", a person by username, times in Vietnam time', () => {
    renderInApp(
      <SiteHistory
        history={[
          { id: 'h2', fromStatus: 'PLANNED', toStatus: 'PREPARING', on: '2019-08-01', actorLabel: 'hatinh.bcd', recordedAt: '2019-08-01T02:00:00Z' },
          { id: 'h1', toStatus: 'PLANNED', on: '2019-07-15', actorLabel: 'seed', recordedAt: '2019-07-15T02:00:00Z' },
        ]}
      />,
      { link: fakeApi({}).link },
    );

    expect(screen.getByText('Dữ liệu mẫu · ghi nhận lúc 15/07/2019 09:00')).toBeInTheDocument();
    expect(screen.getByText('hatinh.bcd · ghi nhận lúc 01/08/2019 09:00')).toBeInTheDocument();
    expect(screen.queryByText(/\bseed\b/)).not.toBeInTheDocument();
  });
});
