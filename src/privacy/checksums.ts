/**
 * The arithmetic that tells a real identifier from an arbitrary run of digits. Requiring it
 * keeps the guard from failing a build on statistics, amounts or order numbers.
 */

/** Weights of GB 11643-1999 §4 (ISO 7064 MOD 11-2) for the first 17 digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of (weighted sum mod 11). */
const ID_CHECK = "10X98765432";

/**
 * The GB 11643 check character (`0`–`9` or `X`) for the first 17 digits of a citizen
 * identity number.
 */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? "";
}

function isRealDate(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/**
 * An 18-character citizen identity number per GB 11643-1999: a 6-digit address code not
 * starting with 0, a birth date YYYYMMDD (1900–2099), a 3-digit sequence and the check
 * character. `X` may be upper or lower case.
 */
export function isCitizenIdNumber(value: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  if (!isRealDate(year, Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  return idCheckCharacter(value.slice(0, 17)) === value[17]?.toUpperCase();
}

/**
 * A 15-digit identity number of the first generation (issued before 1999): address code,
 * birth date YYMMDD in the 1900s, 3-digit sequence, no check digit. The date is the only
 * structure it has, so it must be a real date.
 */
export function isOldCitizenIdNumber(value: string): boolean {
  if (!/^[1-9]\d{14}$/.test(value)) return false;
  return isRealDate(
    1900 + Number(value.slice(6, 8)),
    Number(value.slice(8, 10)),
    Number(value.slice(10, 12)),
  );
}

/** The Luhn (ISO/IEC 7812-1) check that every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
