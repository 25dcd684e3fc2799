import type zh from '../zh/login.js';

export default {
  tagline: 'Customer management for loan brokers',
  mobile: 'Mobile',
  mobilePlaceholder: 'Your mobile number',
  password: 'Password',
  passwordPlaceholder: 'Your password',
  submit: 'Sign in',
  expired: 'Your session ended; please sign in again',
} satisfies typeof zh;
