// After a refused save, the first field with a message gets the focus (in the order shown), so a
// keyboard or screen-reader user lands on what to fix. A field inside a closed section is opened first.
export function focusFirstInvalid(root: HTMLElement): boolean {
  let target = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!target) {
    // a message without its own input (a list of rows): the first input of the field it belongs to
    const message = root.querySelector<HTMLElement>(".field-error");
    target = message?.parentElement?.querySelector<HTMLElement>("input, select, textarea, button") ?? null;
  }
  if (!target) return false;
  for (let d = target.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
  target.focus();
  return document.activeElement === target;
}
