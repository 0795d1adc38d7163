import { languageFrom } from './request-context';

describe('languageFrom (Accept-Language)', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5,vi;q=0.4', 'en'],
    ['en;q=0.2,vi;q=0.8', 'vi'],
    ['de,fr', 'vi'],
    ['en;q=0', 'vi'],
  ])('%s → %s', (header, lang) => {
    expect(languageFrom(header)).toBe(lang);
  });
});
