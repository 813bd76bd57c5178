/** This version of Vouch (the API document, `vouch --version`, the running server's info). */
export const VERSION = '0.1.0';
