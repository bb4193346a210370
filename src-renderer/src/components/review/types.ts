/** The shapes of the 法制审核 tab, from the review.show view. */
import type { ChannelOutput } from '../../../../src-main/contract'

export type ReviewShow = ChannelOutput<'reviews.show'>
export type ReviewRound = ReviewShow['rounds'][number]
export type ReviewHearing = ReviewShow['hearings'][number]
