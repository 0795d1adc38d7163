import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import type { ApiProblem } from '../graphql/errors';

/**
 * A failed request, for the top of a form or page. Field errors the form shows under its fields are
 * summarised; any the form has no field for are listed here so none is lost.
 */
export function ProblemAlert({ problem, shownFields = [] }: { problem: ApiProblem | null; shownFields?: readonly string[] }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const fieldEntries = Object.entries(problem.fields);
  const unshown = fieldEntries.filter(([field]) => !shownFields.includes(field));
  const text =
    problem.code === 'NETWORK'
      ? t('errors.network')
      : fieldEntries.length > 0 && unshown.length < fieldEntries.length
        ? t('form.checkFields')
        : problem.code === 'FORBIDDEN'
          ? t('errors.forbidden')
          : problem.message;
  return (
    <Alert severity="error" role="alert" data-testid="problem-alert">
      {text}
      {unshown.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {unshown.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code>: {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
