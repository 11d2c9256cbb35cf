/** Import, export and the analyst brief (buttons in the top bar). */
export function DataMenu() {
  return null;
}
