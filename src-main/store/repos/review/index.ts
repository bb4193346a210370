/**
 * Rows of legal review and what surrounds it (migration 5), one file per aggregate. Import from here:
 * `../store/repos/review` is the one path the services use.
 */
export * from './catalogue'
export * from './profiles'
export * from './reviews'
export * from './hearings'
export * from './waivers'
export * from './discussions'
export * from './publicity'
