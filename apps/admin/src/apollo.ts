import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GRAPHQL_PATH } from './config';
import { currentLanguage } from './i18n';

/** The API answers errors in the language the request asks for. */
const acceptLanguageLink = new SetContextLink((prevContext) => ({
  headers: { ...prevContext.headers, 'Accept-Language': currentLanguage() },
}));

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([acceptLanguageLink, new HttpLink({ uri: GRAPHQL_PATH })]),
    cache: new InMemoryCache(),
  });
}
