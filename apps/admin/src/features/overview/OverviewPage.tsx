import { HomePage } from '../../pages/home/HomePage';

/** Placeholder: being built (Tổng quan for the steering committee). */
export default function OverviewPage() {
  return <HomePage />;
}
