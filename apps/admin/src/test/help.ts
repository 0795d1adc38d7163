/** The helper text MUI links to a field (what a screen reader reads with it), all of it. */
export function helpTextOf(input: HTMLElement): string {
  return helpOf(input)?.textContent ?? '';
}

/** The element of a field's helper text, or null. */
export function helpOf(input: HTMLElement): HTMLElement | null {
  const id = input.getAttribute('aria-describedby');
  return id ? document.getElementById(id) : null;
}

/** The error under a field (components/FieldHelp.tsx), '' when there is none. */
export function errorOf(input: HTMLElement): string {
  return helpOf(input)?.querySelector('.FieldHelp-error')?.textContent ?? '';
}

/** The hint under a field, without the limit stated after it. */
export function hintOf(input: HTMLElement): string {
  const hint = helpOf(input)?.querySelector('.FieldHelp-hint');
  if (!hint) return '';
  const copy = hint.cloneNode(true) as HTMLElement;
  copy.querySelector('.FieldHelp-limit')?.remove();
  return (copy.textContent ?? '').trim();
}

/** What the field says first: its error when it has one, else its hint (the limit and counter left out). */
export function helperOf(input: HTMLElement): string {
  const help = helpOf(input);
  if (!help) return '';
  if (!help.querySelector('.FieldHelp-error, .FieldHelp-hint')) return help.textContent ?? '';
  return errorOf(input) || hintOf(input);
}
