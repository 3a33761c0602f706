/**
 * Makes a string that came from a registry safe for a terminal: escape sequences (CSI, OSC
 * and other ESC forms) and every other C0/C1 control character are removed, so a hostile
 * registry cannot move the cursor, retitle the window or hide text. JSON output needs none
 * of this: JSON.stringify escapes control characters itself.
 */

// CSI (ESC [ … final byte, or its one-byte form); OSC, DCS, SOS, PM and APC strings (ending at
// BEL or ESC \ or the end of the text); and every other escape: ESC, intermediates, a final
// byte (ESC c, ESC 7, ESC ( B). ECMA-48 sections 5.3-5.6.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]?/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function sanitize(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}
