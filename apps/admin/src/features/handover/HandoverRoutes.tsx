import { Route, Routes } from 'react-router';
import { HandoverPage } from './HandoverPage';

/** Chuyển giao: personnel and facility handovers of the pilot sites. */
export default function HandoverRoutes() {
  return (
    <Routes>
      <Route index element={<HandoverPage />} />
    </Routes>
  );
}
