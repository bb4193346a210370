/** The publicity vocabulary the screens iterate over, from the core (the labels are translated in i18n). */
import { PUBLICITY_STATUSES, PUBLISHABLE_TYPES, RECORD_COLUMNS, WITHDRAW_REASONS } from '../../../../src-main/core/publicity'

export { PUBLICITY_STATUSES, PUBLISHABLE_TYPES, WITHDRAW_REASONS }

/** the 双公示 columns in the order of the export */
export const RECORD_KEYS = RECORD_COLUMNS.map(([k]) => k)
