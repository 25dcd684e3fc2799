// A password must be at least 8 characters with a letter and a digit: short enough to type on a phone,
// long enough that the login throttle makes guessing hopeless.
import { domainError } from '../shared/index.js';

/** Refuses a weak password with `auth.weak_password`. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw domainError(
      'auth.weak_password',
      'invalid',
      '密码须为 8 至 128 位，且同时包含字母和数字',
      'A password needs 8 to 128 characters with at least one letter and one digit',
    );
  }
}
