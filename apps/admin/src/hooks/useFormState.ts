import { useState } from 'react';
import { apiProblem, type ApiProblem } from '../graphql/errors';

/** The form's own messages by field path (`legalBasis.0.number`, `relieved.1.employer`). */
export type FieldErrors = Record<string, string>;

/**
 * The state of a dialog's form: its own checks by field path, the mutation it runs (busy, then the
 * API's problem or `onDone`), and the message under a field: the form's own first, then the API's.
 */
export function useFormState(onDone: () => void = () => undefined) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [local, setLocal] = useState<FieldErrors>({});
  const run = async (mutate: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await mutate();
      onDone();
    } catch (error) {
      setProblem(apiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  /** Sets the form's own messages (empty ones are no message); true when there are none (the form may be sent). */
  const check = (messages: Record<string, string | false | null | undefined>) => {
    const found = Object.fromEntries(Object.entries(messages).filter((e): e is [string, string] => Boolean(e[1])));
    setLocal(found);
    return Object.keys(found).length === 0;
  };
  const message = (field: string): string | undefined => local[field] ?? problem?.fields[field];
  return { busy, problem, run, check, message };
}

export type FormState = ReturnType<typeof useFormState>;

/** The field paths of a list of rows, `<path>` and `<path>.<i>.<key>` (for the dialog's shown fields). */
export function rowPaths(path: string, count: number, keys: readonly string[]): string[] {
  return [path, ...Array.from({ length: count }, (_v, i) => keys.map((k) => `${path}.${i}.${k}`)).flat()];
}
