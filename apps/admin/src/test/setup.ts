// Runs before each test file: DOM matchers, the app's i18n, and a fresh language and storage per test.
import '@testing-library/jest-dom/jest-globals';
import { afterEach, beforeEach } from '@jest/globals';
import i18n from '../i18n';

beforeEach(async () => {
  window.sessionStorage.clear();
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
});

afterEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
});
